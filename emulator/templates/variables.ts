/**
 * Template variables: values or expressions, which may use parameters and other variables (in
 * any order), resolved once each on first use. A `copy` array in the variables section builds
 * array variables (`{ name, count, input }`, copyIndex('name') inside the input), and objects
 * inside a variable may hold property copies too. Variables may not use reference().
 */
import { withLoop, type EvaluationContext } from './evaluationContext';
import { evaluateJson } from './expressionEvaluator';
import { at, copyHelp, ExpressionError, limitsHelp, locate, seeHelp, validationFailed } from './templateErrors';
import { isInteger, isObject } from './templateValues';

export const variableLimit = 256;
const variablesHelp = 'https://aka.ms/arm-syntax-variables';

interface VariableDeclaration {
  name: string;
  path: string;
  /** A plain variable's value, or a variable copy loop's `{ count, input }`. */
  value?: unknown;
  loop?: { count: unknown; input: unknown };
}

function readDeclarations(section: unknown): VariableDeclaration[] {
  if (section === undefined) return [];
  if (!isObject(section)) throw validationFailed(seeHelp("The template 'variables' section must be an object.", variablesHelp), 'variables');
  const declarations: VariableDeclaration[] = [];
  for (const [name, value] of Object.entries(section)) {
    if (name === 'copy' && Array.isArray(value)) {
      value.forEach((loop, i) => {
        const path = `variables.copy[${i}]`;
        if (!isObject(loop) || typeof loop.name !== 'string' || loop.name === '' || !('count' in loop) || !('input' in loop)) {
          throw validationFailed(seeHelp(`The variable copy ${at(path)} must have a 'name', a 'count' and an 'input'.`, copyHelp), path);
        }
        declarations.push({ name: loop.name, path, loop: { count: loop.count, input: loop.input } });
      });
    } else {
      declarations.push({ name, path: `variables.${name}`, value });
    }
  }
  if (declarations.length > variableLimit) {
    throw validationFailed(seeHelp(`The number of template variables limit exceeded. Limit: '${variableLimit}' and actual: '${declarations.length}'.`, limitsHelp), 'variables');
  }
  return declarations;
}

export class VariableTable {
  private readonly declarations: VariableDeclaration[];
  private readonly values = new Map<string, unknown>();
  private readonly resolving: string[] = [];
  private context?: EvaluationContext;

  constructor(section: unknown) {
    this.declarations = readDeclarations(section);
  }

  /** The context variables are evaluated in (place: variable); set once the environment exists. */
  attach(context: EvaluationContext): void {
    this.context = context;
  }

  value(name: string): unknown {
    const declaration = this.declarations.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!declaration) throw new ExpressionError(seeHelp(`The template variable '${name}' is not found.`, variablesHelp));
    const key = declaration.name.toLowerCase();
    if (this.values.has(key)) return this.values.get(key);
    if (this.resolving.includes(key)) {
      const cycle = [...this.resolving.slice(this.resolving.indexOf(key)), key].map((k) => `'${k}'`).join(' -> ');
      throw validationFailed(seeHelp(`The template variable '${declaration.name}' ${at(declaration.path)} is not valid: the variable refers to itself (${cycle}).`, variablesHelp), declaration.path);
    }
    this.resolving.push(key);
    try {
      const value = this.evaluate(declaration);
      this.values.set(key, value);
      return value;
    } catch (error) {
      return locate(error, declaration.path, (inner, where) =>
        validationFailed(seeHelp(`The template variable '${declaration.name}' ${at(where)} is not valid: ${inner}.`), where),
      );
    } finally {
      this.resolving.pop();
    }
  }

  private evaluate(declaration: VariableDeclaration): unknown {
    const context = this.context!;
    if (!declaration.loop) return evaluateJson(declaration.value, context, declaration.path, { propertyCopy: true });
    const count = evaluateJson(declaration.loop.count, context, `${declaration.path}.count`);
    if (!isInteger(count) || count < 0 || count > 800) {
      throw new ExpressionError(
        seeHelp(`The copy count of '${declaration.name}' must be a non-negative integer value and cannot exceed '800'; it is '${JSON.stringify(count)}'.`, copyHelp),
      );
    }
    return Array.from({ length: count }, (_, index) =>
      evaluateJson(declaration.loop!.input, withLoop(context, { kind: 'variable', name: declaration.name, index }), `${declaration.path}.input`, {
        propertyCopy: true,
      }),
    );
  }

  /** Every variable evaluated now, so a bad one fails validation as in Azure even if unused. */
  resolveAll(): void {
    for (const declaration of this.declarations) this.value(declaration.name);
  }
}
