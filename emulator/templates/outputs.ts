/**
 * Template outputs: `{ type, value }` or `{ type, copy: { count, input } }`, optionally with a
 * condition, evaluated after every resource is deployed (reference() allowed). Values are held to
 * their declared type. securestring / secureObject outputs are marked secure: Azure never returns
 * their values. A failure names each output in Azure's DeploymentOutputEvaluationFailed.
 */
import { withLoop, type EvaluationContext, type TemplateEnvironment } from './evaluationContext';
import { evaluateJson } from './expressionEvaluator';
import { at, copyHelp, ExpressionError, limitsHelp, seeHelp, syntaxHelp, validationFailed } from './templateErrors';
import { TemplateError, type EvaluatedOutput, type TemplateHost } from './templateTypes';
import { isInteger, isObject, typeName } from './templateValues';
import { azureTypeName, isSecureType, matchesDeclaredType, templateTypes } from './typeNames';

export const outputLimit = 64;

interface OutputDeclaration {
  name: string;
  type: string;
  declaration: Record<string, unknown>;
  path: string;
}

export function readOutputDeclarations(section: unknown): OutputDeclaration[] {
  if (section === undefined) return [];
  const entries = Object.entries(section as Record<string, unknown>);
  if (entries.length > outputLimit) {
    throw validationFailed(seeHelp(`The number of template outputs limit exceeded. Limit: '${outputLimit}' and actual: '${entries.length}'.`, limitsHelp), 'outputs');
  }
  return entries.map(([name, declaration]) => {
    const path = `outputs.${name}`;
    const type = isObject(declaration) && typeof declaration.type === 'string' ? declaration.type.toLowerCase() : '';
    if (!isObject(declaration) || !templateTypes.has(type)) {
      throw validationFailed(seeHelp(`The template output '${name}' ${at(path)} is not valid: its 'type' must be one of 'String, SecureString, Int, Bool, Object, SecureObject, Array'.`, syntaxHelp), path);
    }
    if (!('value' in declaration) && !isObject(declaration.copy)) {
      throw validationFailed(seeHelp(`The template output '${name}' ${at(path)} is not valid: it must have a 'value' or a 'copy'.`, syntaxHelp), path);
    }
    return { name, type, declaration, path };
  });
}

function evaluateOutput(output: OutputDeclaration, context: EvaluationContext): unknown {
  const { declaration, path } = output;
  const copy = declaration.copy;
  if (isObject(copy)) {
    const count = evaluateJson(copy.count, context, `${path}.copy.count`);
    if (!isInteger(count) || count < 0 || count > 800) {
      throw new ExpressionError(seeHelp(`The copy count of output '${output.name}' must be a non-negative integer value and cannot exceed '800'; it is '${JSON.stringify(count)}'.`, copyHelp));
    }
    return Array.from({ length: count }, (_, index) =>
      evaluateJson(copy.input, withLoop(context, { kind: 'output', name: output.name, index }), `${path}.copy.input`),
    );
  }
  return evaluateJson(declaration.value, context, `${path}.value`);
}

/** Evaluates every output now; throws DeploymentOutputEvaluationFailed listing those that failed. */
export function evaluateOutputs(outputs: OutputDeclaration[], env: TemplateEnvironment, host: TemplateHost): Record<string, EvaluatedOutput> {
  const context: EvaluationContext = { env, place: 'output', loops: [], host };
  const results: Record<string, EvaluatedOutput> = {};
  const failures: { code: string; message: string; target?: string }[] = [];
  for (const output of outputs) {
    try {
      if (output.declaration.condition !== undefined && evaluateJson(output.declaration.condition, context, `${output.path}.condition`) !== true) continue;
      const value = evaluateOutput(output, context);
      if (!matchesDeclaredType(output.type, value)) {
        throw new ExpressionError(`Template output JToken type is not valid. Expected '${azureTypeName(output.type)}'. Actual '${typeName(value)}'.`);
      }
      results[output.name] = { type: azureTypeName(output.type), value, secure: isSecureType(output.type) };
    } catch (error) {
      if (error instanceof TemplateError) {
        failures.push({ code: error.code, message: error.message, target: output.name });
      } else if (error instanceof ExpressionError) {
        failures.push({
          code: 'DeploymentOutputEvaluationFailed',
          message: seeHelp(`The template output '${output.name}' ${at(error.path ?? output.path)} is not valid: ${error.message}.`),
          target: output.name,
        });
      } else {
        throw error;
      }
    }
  }
  if (failures.length > 0) {
    throw new TemplateError(
      'DeploymentOutputEvaluationFailed',
      seeHelp(`Unable to evaluate template outputs: '${failures.map((f) => f.target).join(', ')}'. Please see error details and deployment operations.`, 'https://aka.ms/arm-common-errors'),
      'outputs',
      failures,
    );
  }
  return results;
}
