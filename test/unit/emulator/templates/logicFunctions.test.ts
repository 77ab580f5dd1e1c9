import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, evaluate, typeMessage } from './templateTestSupport';

describe('template logical, comparison and numeric functions', () => {
  it('if evaluates only the branch it takes', () => {
    assert.equal(evaluate("[if(equals(1, 1), 'yes', 'no')]"), 'yes');
    assert.equal(evaluate("[if(false(), createArray(1)[5], 'safe')]"), 'safe');
    assert.equal(evaluate("[if(true(), 'safe', createArray(1)[5])]"), 'safe');
    assert.equal(errorMessage(() => evaluate("[if('yes', 1, 2)]")), typeMessage('if', 'first', 'Boolean', 'String'));
    assert.match(errorMessage(() => evaluate('[if(true(), 1)]')), /function requires 3 argument\(s\) while 2 were provided/);
  });

  it('equals compares deeply and case-sensitively', () => {
    assert.equal(evaluate("[equals('a', 'a')]"), true);
    assert.equal(evaluate("[equals('a', 'A')]"), false);
    assert.equal(evaluate("[equals(createObject('a', createArray(1)), json('{\"a\":[1]}'))]"), true);
    assert.equal(evaluate("[equals(1, '1')]"), false);
    assert.match(errorMessage(() => evaluate('[equals(1)]')), /function requires 2 argument\(s\) while 1 were provided/);
  });

  it('not, and, or take booleans', () => {
    assert.equal(evaluate('[not(false())]'), true);
    assert.equal(evaluate('[and(true(), true(), false())]'), false);
    assert.equal(evaluate('[or(false(), true())]'), true);
    assert.equal(errorMessage(() => evaluate("[not('true')]")), typeMessage('not', 'first', 'Boolean', 'String'));
    assert.equal(errorMessage(() => evaluate('[and(true(), 1)]')), typeMessage('and', 'second', 'Boolean', 'Integer'));
    assert.match(errorMessage(() => evaluate('[or(true())]')), /function requires at least 2 argument\(s\) while 1 were provided/);
  });

  it('true, false and null', () => {
    assert.equal(evaluate('[true()]'), true);
    assert.equal(evaluate('[false()]'), false);
    assert.equal(evaluate('[null()]'), null);
    assert.match(errorMessage(() => evaluate('[true(1)]')), /function requires 0 argument\(s\) while 1 were provided/);
  });

  it('bool converts strings and integers', () => {
    assert.equal(evaluate("[bool('TRUE')]"), true);
    assert.equal(evaluate('[bool(0)]'), false);
    assert.equal(evaluate('[bool(1)]'), true);
    assert.match(errorMessage(() => evaluate("[bool('yes')]")), /Unable to evaluate template language function 'bool': the provided value 'yes' is not a valid boolean\./);
    assert.equal(errorMessage(() => evaluate('[bool(createArray())]')), typeMessage('bool', 'first', 'String or Integer', 'Array'));
  });

  it('int converts strings', () => {
    assert.equal(evaluate("[int('42')]"), 42);
    assert.equal(evaluate("[int('-7')]"), -7);
    assert.equal(evaluate('[int(3)]'), 3);
    assert.match(errorMessage(() => evaluate("[int('4.5')]")), /the provided value '4\.5' is not a valid integer/);
  });

  it('greater, less and their OrEquals compare integers or strings', () => {
    assert.equal(evaluate('[greater(10, 5)]'), true);
    assert.equal(evaluate("[less('a', 'b')]"), true);
    assert.equal(evaluate('[greaterOrEquals(5, 5)]'), true);
    assert.equal(evaluate('[lessOrEquals(6, 5)]'), false);
    assert.equal(errorMessage(() => evaluate("[greater(1, 'a')]")), typeMessage('greater', 'second', 'Integer', 'String'));
    assert.equal(errorMessage(() => evaluate('[less(true(), 1)]')), typeMessage('less', 'first', 'Integer or String', 'Boolean'));
  });

  it('coalesce returns the first non-null argument', () => {
    assert.equal(evaluate("[coalesce(null(), 'b', 'c')]"), 'b');
    assert.equal(evaluate('[coalesce(null())]'), null);
    assert.match(errorMessage(() => evaluate('[coalesce()]')), /function requires at least 1 argument\(s\)/);
  });

  it('add, sub, mul, div and mod on integers', () => {
    assert.equal(evaluate('[add(2, 3)]'), 5);
    assert.equal(evaluate('[sub(2, 3)]'), -1);
    assert.equal(evaluate('[mul(4, 3)]'), 12);
    assert.equal(evaluate('[div(7, 2)]'), 3);
    assert.equal(evaluate('[div(-7, 2)]'), -3);
    assert.equal(evaluate('[mod(7, 3)]'), 1);
    assert.match(errorMessage(() => evaluate('[div(1, 0)]')), /Unable to evaluate template language function 'div': the divisor must not be zero\./);
    assert.equal(errorMessage(() => evaluate("[add(1, '2')]")), typeMessage('add', 'second', 'Integer', 'String'));
  });
});
