/**
 * The template expression syntax: a JSON string that starts with `[` and ends with `]` is an
 * expression (`[[` at the start escapes a literal `[`). Inside: a function call, then any number
 * of `.property` and `[index]` accessors; arguments are calls, 'single-quoted' strings ('' is a
 * quote) or integers. Token names in errors are Azure's (LeftParenthesis, EndOfData…).
 */
import { ExpressionError, seeHelp } from './templateErrors';

export type Expression =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'property'; target: Expression; name: string }
  | { kind: 'index'; target: Expression; index: Expression };

export type TemplateString = { kind: 'literal'; value: string } | { kind: 'expression'; expression: Expression; source: string };

type TokenKind =
  | 'LeftParenthesis' | 'RightParenthesis' | 'LeftSquareBracket' | 'RightSquareBracket'
  | 'Comma' | 'Dot' | 'Identifier' | 'String' | 'Integer' | 'EndOfData';

interface Token {
  kind: TokenKind;
  text: string;
  position: number;
}

/** Azure's limit on one expression's length. */
export const expressionLengthLimit = 24576;

const punctuation: Record<string, TokenKind> = {
  '(': 'LeftParenthesis', ')': 'RightParenthesis', '[': 'LeftSquareBracket', ']': 'RightSquareBracket', ',': 'Comma', '.': 'Dot',
};

function invalid(source: string, detail: string): ExpressionError {
  return new ExpressionError(seeHelp(`The language expression '${source}' is not valid: ${detail}`));
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i++; continue; }
    if (punctuation[c]) { tokens.push({ kind: punctuation[c], text: c, position: i }); i++; continue; }
    if (c === "'") {
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw invalid(source, `the string literal at position '${start}' is not terminated.`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") { text += "'"; i += 2; continue; }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ kind: 'String', text, position: start });
      continue;
    }
    const integer = /^-?\d+/.exec(source.slice(i));
    if (integer) { tokens.push({ kind: 'Integer', text: integer[0], position: i }); i += integer[0].length; continue; }
    const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i));
    if (identifier) { tokens.push({ kind: 'Identifier', text: identifier[0], position: i }); i += identifier[0].length; continue; }
    throw invalid(source, `the string character '${c}' at position '${i}' is not expected.`);
  }
  tokens.push({ kind: 'EndOfData', text: '', position: source.length });
  return tokens;
}

class Parser {
  private next = 0;
  constructor(private readonly source: string, private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.next + offset, this.tokens.length - 1)];
  }

  private expect(kind: TokenKind): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      throw new ExpressionError(seeHelp(`Unable to parse language expression '${this.source}': expected token '${kind}' and actual '${token.kind}'.`));
    }
    this.next++;
    return token;
  }

  parseRoot(): Expression {
    // The root of an expression is always a function call (`['a']` is not an expression).
    if (this.peek().kind !== 'Identifier') this.expect('Identifier');
    const expression = this.parseAccessors(this.parseCall());
    this.expect('EndOfData');
    return expression;
  }

  private parseCall(): Expression {
    let name = this.expect('Identifier').text;
    // A user-defined function: namespace.member(
    if (this.peek().kind === 'Dot' && this.peek(1).kind === 'Identifier' && this.peek(2).kind === 'LeftParenthesis') {
      this.next++;
      name += `.${this.expect('Identifier').text}`;
    }
    this.expect('LeftParenthesis');
    const args: Expression[] = [];
    if (this.peek().kind !== 'RightParenthesis') {
      args.push(this.parseArgument());
      while (this.peek().kind === 'Comma') {
        this.next++;
        args.push(this.parseArgument());
      }
    }
    this.expect('RightParenthesis');
    return { kind: 'call', name, args };
  }

  private parseArgument(): Expression {
    const token = this.peek();
    if (token.kind === 'String') { this.next++; return this.parseAccessors({ kind: 'string', value: token.text }); }
    if (token.kind === 'Integer') { this.next++; return { kind: 'integer', value: Number(token.text) }; }
    if (token.kind === 'Identifier') return this.parseAccessors(this.parseCall());
    return this.expect('Identifier') as never;
  }

  private parseAccessors(target: Expression): Expression {
    for (;;) {
      const token = this.peek();
      if (token.kind === 'Dot') {
        this.next++;
        target = { kind: 'property', target, name: this.expect('Identifier').text };
      } else if (token.kind === 'LeftSquareBracket') {
        this.next++;
        const index = this.parseArgument();
        this.expect('RightSquareBracket');
        target = { kind: 'index', target, index };
      } else {
        return target;
      }
    }
  }
}

/** Parses the inside of an expression (without its brackets). Throws ExpressionError. */
export function parseExpression(source: string): Expression {
  if (source.length > expressionLengthLimit) {
    throw new ExpressionError(seeHelp(`The language expression length limit exceeded. Limit: '${expressionLengthLimit}' and actual: '${source.length}'.`));
  }
  return new Parser(source, tokenize(source)).parseRoot();
}

export function isExpressionString(text: string): boolean {
  return text.length >= 2 && text.startsWith('[') && text.endsWith(']') && !text.startsWith('[[');
}

const cache = new Map<string, TemplateString>();

/** A template JSON string as a literal or a parsed expression (cached: templates repeat themselves). */
export function parseTemplateString(text: string): TemplateString {
  const cached = cache.get(text);
  if (cached) return cached;
  let parsed: TemplateString;
  if (isExpressionString(text)) {
    const source = text.slice(1, -1);
    parsed = { kind: 'expression', expression: parseExpression(source), source };
  } else if (text.startsWith('[[') && text.endsWith(']')) {
    parsed = { kind: 'literal', value: text.slice(1) };
  } else {
    parsed = { kind: 'literal', value: text };
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

/** Every function call in an expression, outermost first. */
export function* callsIn(expression: Expression): Generator<Extract<Expression, { kind: 'call' }>> {
  if (expression.kind === 'call') {
    yield expression;
    for (const arg of expression.args) yield* callsIn(arg);
  } else if (expression.kind === 'property') {
    yield* callsIn(expression.target);
  } else if (expression.kind === 'index') {
    yield* callsIn(expression.target);
    yield* callsIn(expression.index);
  }
}
