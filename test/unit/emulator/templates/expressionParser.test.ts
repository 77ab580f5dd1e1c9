import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression, parseTemplateString } from '../../../../emulator/templates/expressionParser';
import { errorMessage, evaluate, help } from './templateTestSupport';

describe('template expression syntax', () => {
  it('treats a string in brackets as an expression and anything else as a literal', () => {
    assert.deepEqual(parseTemplateString('plain'), { kind: 'literal', value: 'plain' });
    assert.deepEqual(parseTemplateString('[abc'), { kind: 'literal', value: '[abc' });
    assert.deepEqual(parseTemplateString(' [concat()]'), { kind: 'literal', value: ' [concat()]' });
    assert.equal(parseTemplateString("[concat('a')]").kind, 'expression');
  });

  it('reads [[ at the start as an escaped literal bracket', () => {
    assert.equal(evaluate("[[concat('a', 'b')]"), "[concat('a', 'b')]");
    assert.equal(evaluate('[[x]'), '[x]');
  });

  it("reads string literals with '' as a quote, integers, nested calls and accessors", () => {
    assert.deepEqual(parseExpression("f('it''s', -12, g().a.b[0]['c'])"), {
      kind: 'call',
      name: 'f',
      args: [
        { kind: 'string', value: "it's" },
        { kind: 'integer', value: -12 },
        {
          kind: 'index',
          target: {
            kind: 'index',
            target: { kind: 'property', target: { kind: 'property', target: { kind: 'call', name: 'g', args: [] }, name: 'a' }, name: 'b' },
            index: { kind: 'integer', value: 0 },
          },
          index: { kind: 'string', value: 'c' },
        },
      ],
    });
    assert.equal(evaluate("[concat('it''s', ' ', 'ok')]"), "it's ok");
  });

  it('allows whitespace and line breaks between tokens', () => {
    assert.equal(evaluate("[ concat(\n  'a' ,\n  'b' ) ]"), 'ab');
  });

  it('reads namespace.member( as a user-defined function call', () => {
    assert.deepEqual(parseExpression("ns.fn('x')"), { kind: 'call', name: 'ns.fn', args: [{ kind: 'string', value: 'x' }] });
  });

  it('refuses a missing parenthesis, naming the expression and the tokens', () => {
    assert.equal(
      errorMessage(() => evaluate("[concat('a', 'b']")),
      `Unable to parse language expression 'concat('a', 'b'': expected token 'RightParenthesis' and actual 'EndOfData'. ${help}`,
    );
    assert.equal(
      errorMessage(() => evaluate("[concat('a)]")),
      "The language expression 'concat('a)' is not valid: the string literal at position '7' is not terminated. " + help,
    );
  });

  it('refuses an expression that does not start with a function', () => {
    assert.equal(errorMessage(() => evaluate("['abc']")), `Unable to parse language expression ''abc'': expected token 'Identifier' and actual 'String'. ${help}`);
    assert.equal(errorMessage(() => evaluate('[]')), `Unable to parse language expression '': expected token 'Identifier' and actual 'EndOfData'. ${help}`);
  });

  it('refuses characters the language does not have', () => {
    assert.equal(
      errorMessage(() => evaluate("[concat('a') + 'b']")),
      `The language expression 'concat('a') + 'b'' is not valid: the string character '+' at position '12' is not expected. ${help}`,
    );
  });

  it('refuses trailing tokens and bare identifiers', () => {
    assert.match(errorMessage(() => evaluate("[concat('a') concat('b')]")), /expected token 'EndOfData' and actual 'Identifier'/);
    assert.match(errorMessage(() => evaluate('[concat(true)]')), /expected token 'LeftParenthesis' and actual 'RightParenthesis'/);
  });

  it('refuses an expression longer than 24576 characters', () => {
    const long = `[concat('${'a'.repeat(24600)}')]`;
    assert.match(errorMessage(() => evaluate(long)), /The language expression length limit exceeded\. Limit: '24576' and actual: '24610'\./);
  });

  it('evaluates property access ignoring case, as Azure does', () => {
    assert.equal(evaluate("[json('{\"Primary\":{\"Blob\":\"x\"}}').primary.BLOB]"), 'x');
  });

  it('explains a missing property, a bad index and access on a non-object', () => {
    assert.equal(
      errorMessage(() => evaluate("[createObject('a', 1, 'b', 2).c]")),
      "The language expression property 'c' doesn't exist, available properties are 'a, b'.",
    );
    assert.equal(errorMessage(() => evaluate("[createArray(1, 2)[2]]")), "The language expression property array index '2' is out of bounds.");
    assert.equal(
      errorMessage(() => evaluate("[createArray(1, 2)['x']]")),
      "The language expression property 'x' can't be evaluated, property name must be an integer.",
    );
    assert.equal(errorMessage(() => evaluate("[string('a').length]")), "The language expression property 'length' can't be evaluated: the value is of type 'String'.");
  });
});
