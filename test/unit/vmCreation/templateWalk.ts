// Walks a generated template the way the deployment engine reads it: every string that is an
// expression (`[...]`, not `[[...`), in its own template (nested inner-scope templates apart).

type Json = Record<string, unknown>;

export interface FoundExpression {
  /** e.g. resources[5].properties.template.resources[0].name */
  path: string;
  expression: string;
  /** The template whose parameters and variables the expression reads. */
  scope: Json;
}

export function expressionsOf(template: Json): FoundExpression[] {
  const found: FoundExpression[] = [];
  const visit = (value: unknown, path: string, scope: Json) => {
    if (typeof value === 'string') {
      if (value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']')) found.push({ path, expression: value.slice(1, -1), scope });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`, scope));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value as Json)) {
        const inner = key === 'template' && path.endsWith('.properties') && (value as Json).expressionEvaluationOptions !== undefined;
        visit(item, `${path}.${key}`, inner ? (item as Json) : scope);
      }
    }
  };
  visit(template, '', template);
  return found;
}

/** The functions an expression calls (string literals skipped). */
export function functionsIn(expression: string): string[] {
  const withoutLiterals = expression.replace(/'(?:[^']|'')*'/g, "''");
  return [...withoutLiterals.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((match) => match[1]);
}

/** The names an expression passes to parameters('…') and variables('…'). */
export function referencesIn(expression: string): { parameters: string[]; variables: string[] } {
  const names = (fn: string) => [...expression.matchAll(new RegExp(`${fn}\\('([^']*)'\\)`, 'g'))].map((match) => match[1]);
  return { parameters: names('parameters'), variables: names('variables') };
}

/** Whether an expression's parentheses balance (outside string literals). */
export function balanced(expression: string): boolean {
  let depth = 0;
  for (const character of expression.replace(/'(?:[^']|'')*'/g, "''")) {
    if (character === '(') depth++;
    if (character === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
