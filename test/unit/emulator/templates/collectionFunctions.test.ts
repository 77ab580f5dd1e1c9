import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, evaluate, typeMessage } from './templateTestSupport';

describe('template array and object functions', () => {
  it('concat joins strings (converting numbers and booleans) or arrays', () => {
    assert.equal(evaluate("[concat('vm', '-', 1, true())]"), 'vm-1True');
    assert.deepEqual(evaluate("[concat(createArray(1, 2), createArray(3))]"), [1, 2, 3]);
    assert.equal(errorMessage(() => evaluate("[concat(createArray(1), 'a')]")), typeMessage('concat', 'second', 'Array', 'String'));
    assert.equal(errorMessage(() => evaluate("[concat('a', createArray(1))]")), typeMessage('concat', 'second', 'String', 'Array'));
  });

  it('createArray and createObject', () => {
    assert.deepEqual(evaluate("[createArray('a', 1, createObject('k', 'v'))]"), ['a', 1, { k: 'v' }]);
    assert.deepEqual(evaluate('[createArray()]'), []);
    assert.deepEqual(evaluate("[createObject('a', 1, 'b', createArray())]"), { a: 1, b: [] });
    assert.match(errorMessage(() => evaluate("[createObject('a')]")), /requires an even number of arguments/);
    assert.equal(errorMessage(() => evaluate("[createObject(1, 'a')]")), typeMessage('createObject', 'first', 'String', 'Integer'));
  });

  it('contains looks in strings, arrays and object keys', () => {
    assert.equal(evaluate("[contains('OneTwo', 'Two')]"), true);
    assert.equal(evaluate("[contains(createArray('a', 'b'), 'b')]"), true);
    assert.equal(evaluate("[contains(createArray(createObject('a', 1)), createObject('a', 1))]"), true);
    assert.equal(evaluate("[contains(createObject('Key', 1), 'key')]"), true);
    assert.equal(evaluate("[contains(createObject('Key', 1), 'other')]"), false);
    assert.equal(errorMessage(() => evaluate("[contains(1, 'a')]")), typeMessage('contains', 'first', 'String, Array or Object', 'Integer'));
  });

  it('empty and length accept strings, arrays and objects', () => {
    assert.equal(evaluate("[empty('')]"), true);
    assert.equal(evaluate('[empty(createArray(1))]'), false);
    assert.equal(evaluate('[empty(createObject())]'), true);
    assert.equal(evaluate('[empty(null())]'), true);
    assert.equal(evaluate("[length('abc')]"), 3);
    assert.equal(evaluate('[length(createArray(1, 2))]'), 2);
    assert.equal(evaluate("[length(createObject('a', 1, 'b', 2))]"), 2);
    assert.equal(errorMessage(() => evaluate('[length(5)]')), typeMessage('length', 'first', 'String or Array', 'Integer'));
    assert.equal(errorMessage(() => evaluate('[empty(5)]')), typeMessage('empty', 'first', 'String, Array or Object', 'Integer'));
  });

  it('first and last of strings and arrays', () => {
    assert.equal(evaluate("[first('abc')]"), 'a');
    assert.equal(evaluate("[last('abc')]"), 'c');
    assert.equal(evaluate('[first(createArray(1, 2))]'), 1);
    assert.equal(evaluate('[last(createArray(1, 2))]'), 2);
    assert.equal(evaluate('[first(createArray())]'), null);
    assert.equal(errorMessage(() => evaluate('[first(1)]')), typeMessage('first', 'first', 'String or Array', 'Integer'));
    assert.equal(errorMessage(() => evaluate('[last(createObject())]')), typeMessage('last', 'first', 'String or Array', 'Object'));
  });

  it('union merges arrays without repeats and objects recursively', () => {
    assert.deepEqual(evaluate("[union(createArray('a', 'b'), createArray('b', 'c'))]"), ['a', 'b', 'c']);
    assert.deepEqual(
      evaluate("[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]"),
      { a: 1, n: { x: 1, y: 2 }, b: 2 },
    );
    assert.deepEqual(evaluate("[union(createObject('a', 1), createObject('a', 3))]"), { a: 3 });
    assert.equal(errorMessage(() => evaluate("[union(createArray(), createObject())]")), typeMessage('union', 'second', 'Array', 'Object'));
  });

  it('intersection keeps what every argument has', () => {
    assert.deepEqual(evaluate("[intersection(createArray('a', 'b', 'c'), createArray('b', 'c', 'd'))]"), ['b', 'c']);
    assert.deepEqual(evaluate("[intersection(createObject('a', 1, 'b', 2), createObject('a', 1, 'b', 3))]"), { a: 1 });
    assert.equal(errorMessage(() => evaluate("[intersection('a', 'b')]")), typeMessage('intersection', 'first', 'Array or Object', 'String'));
  });

  it('skip, take and range', () => {
    assert.deepEqual(evaluate("[skip(createArray(1, 2, 3), 1)]"), [2, 3]);
    assert.equal(evaluate("[take('abcdef', 3)]"), 'abc');
    assert.deepEqual(evaluate("[take(createArray(1, 2), 5)]"), [1, 2]);
    assert.deepEqual(evaluate('[range(5, 3)]'), [5, 6, 7]);
    assert.match(errorMessage(() => evaluate('[range(0, -1)]')), /the count '-1' must be a non-negative integer/);
    assert.equal(errorMessage(() => evaluate("[skip(createArray(), 'x')]")), typeMessage('skip', 'second', 'Integer', 'String'));
  });

  it('min and max of integers or an array of them', () => {
    assert.equal(evaluate('[min(3, 1, 2)]'), 1);
    assert.equal(evaluate('[max(createArray(3, 9, 2))]'), 9);
    assert.equal(errorMessage(() => evaluate("[max(1, 'a')]")), typeMessage('max', 'second', 'Integer', 'String'));
  });

  it('array, items, objectKeys and join', () => {
    assert.deepEqual(evaluate("[array('a')]"), ['a']);
    assert.deepEqual(evaluate("[array(createArray('a'))]"), ['a']);
    assert.deepEqual(evaluate("[items(createObject('b', 2, 'a', 1))]"), [{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    assert.deepEqual(evaluate("[objectKeys(createObject('b', 2, 'a', 1))]"), ['b', 'a']);
    assert.equal(evaluate("[join(createArray('a', 1, true()), ',')]"), 'a,1,True');
    assert.equal(errorMessage(() => evaluate("[items('a')]")), typeMessage('items', 'first', 'Object', 'String'));
  });
});
