import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, evaluate, help, typeMessage } from './templateTestSupport';

describe('template string functions', () => {
  it('uniqueString computes Azure’s hash (published input/output pairs)', () => {
    assert.equal(evaluate("[uniqueString('hello', 'world')]"), 'a7wkljktk6wne');
    assert.equal(evaluate("[uniqueString('tyeth')]"), 'zcztcwvu6iyg6');
    assert.equal(evaluate("[uniqueString('aaa')]"), 'zavj67f3en4hc');
    assert.equal(evaluate("[uniqueString('bbb')]"), 'w5eragfxe33cy');
    assert.equal(evaluate("[uniqueString('zzz')]"), 'cryksdzzzawae');
    assert.equal(evaluate("[uniqueString('xxx', 'yyy', 'zzz')]"), 'lghi7k5js7itq');
    assert.match(evaluate('[uniqueString(resourceGroup().id)]') as string, /^[a-z2-7]{13}$/);
    assert.equal(errorMessage(() => evaluate('[uniqueString(1)]')), typeMessage('uniqueString', 'first', 'String', 'Integer'));
    assert.match(errorMessage(() => evaluate('[uniqueString()]')), /function requires at least 1 argument\(s\) while 0 were provided/);
  });

  it('guid is a version-5 UUID over the arguments joined with - in Azure’s namespace', () => {
    // uuid5('11fb06fb-712d-4ddd-98c7-e71bbd588830', 'a-b-c'), computed independently with Python's uuid module.
    assert.equal(evaluate("[guid('a', 'b', 'c')]"), 'a98fa280-e03f-5afa-8d8e-92d0a9c201e8');
    assert.equal(evaluate("[guid('a-b', 'c')]"), evaluate("[guid('a', 'b-c')]"));
    assert.equal(errorMessage(() => evaluate("[guid('a', createArray())]")), typeMessage('guid', 'second', 'String', 'Array'));
  });

  it('format fills {n} items with .NET numeric formats and {{ }} escapes', () => {
    assert.equal(evaluate("[format('{0}-{1}', 'vm', 3)]"), 'vm-3');
    assert.equal(evaluate("[format('vm{0:D3}', 7)]"), 'vm007');
    assert.equal(evaluate("[format('{0:N0} and {0:N2}', 1234567)]"), '1,234,567 and 1,234,567.00');
    assert.equal(evaluate("[format('{0:X}/{0:x4}', 255)]"), 'FF/00ff');
    assert.equal(evaluate("[format('[{0,5}|{1,-3}]', 'ab', 'c')]"), '[   ab|c  ]');
    assert.equal(evaluate("[format('{{literal}} {0}', true())]"), '{literal} True');
    assert.equal(
      errorMessage(() => evaluate("[format('{1}', 'a')]")),
      `Unable to evaluate template language function 'format': Index (zero based) must be greater than or equal to zero and less than the size of the argument list. ${help}`,
    );
    assert.match(errorMessage(() => evaluate("[format('{0', 'a')]")), /Input string was not in a correct format\./);
  });

  it('toLower, toUpper and trim', () => {
    assert.equal(evaluate("[toLower('MyVM')]"), 'myvm');
    assert.equal(evaluate("[toUpper('MyVM')]"), 'MYVM');
    assert.equal(evaluate("[trim('  a b  ')]"), 'a b');
    assert.equal(errorMessage(() => evaluate('[toLower(1)]')), typeMessage('toLower', 'first', 'String', 'Integer'));
    assert.equal(
      errorMessage(() => evaluate("[toUpper('a', 'b')]")),
      `Unable to evaluate template language function 'toUpper': function requires 1 argument(s) while 2 were provided. ${help}`,
    );
    assert.equal(errorMessage(() => evaluate('[trim(createObject())]')), typeMessage('trim', 'first', 'String', 'Object'));
  });

  it('string writes values as Azure does (True/False, compact JSON)', () => {
    assert.equal(evaluate('[string(5)]'), '5');
    assert.equal(evaluate('[string(true())]'), 'True');
    assert.equal(evaluate("[string(createObject('a', 1, 'b', createArray('x')))]"), '{"a":1,"b":["x"]}');
    assert.equal(evaluate('[string(null())]'), '');
    assert.match(errorMessage(() => evaluate('[string()]')), /function requires 1 argument\(s\) while 0 were provided/);
  });

  it('split, replace and substring', () => {
    assert.deepEqual(evaluate("[split('a,b;c', ',')]"), ['a', 'b;c']);
    assert.deepEqual(evaluate("[split('a,b;c', createArray(',', ';'))]"), ['a', 'b', 'c']);
    assert.equal(evaluate("[replace('a-b-c', '-', '')]"), 'abc');
    assert.equal(evaluate("[replace('Aba', 'a', 'x')]"), 'Abx');
    assert.equal(evaluate("[substring('hello', 1, 3)]"), 'ell');
    assert.equal(evaluate("[substring('hello', 2)]"), 'llo');
    assert.equal(
      errorMessage(() => evaluate("[substring('hello', 2, 10)]")),
      `Unable to evaluate template language function 'substring': The index and length parameters must refer to a location within the string. The index parameter: '2', the length parameter: '10', the length of the string parameter: '5'. ${help}`,
    );
    assert.equal(errorMessage(() => evaluate("[split('a', 1)]")), typeMessage('split', 'second', 'String or Array', 'Integer'));
    assert.equal(errorMessage(() => evaluate("[replace('a', 'b', 3)]")), typeMessage('replace', 'third', 'String', 'Integer'));
  });

  it('startsWith, endsWith, indexOf and lastIndexOf ignore case; contains does not', () => {
    assert.equal(evaluate("[startsWith('abcdef', 'AB')]"), true);
    assert.equal(evaluate("[endsWith('abcdef', 'EF')]"), true);
    assert.equal(evaluate("[endsWith('abcdef', 'e')]"), false);
    assert.equal(evaluate("[indexOf('abcdef', 'CD')]"), 2);
    assert.equal(evaluate("[lastIndexOf('abcabc', 'B')]"), 4);
    assert.equal(evaluate("[indexOf('abc', 'z')]"), -1);
    assert.equal(evaluate("[indexOf(createArray('a', 'b'), 'b')]"), 1);
    assert.equal(evaluate("[contains('abc', 'B')]"), false);
    assert.equal(errorMessage(() => evaluate("[startsWith('a', 1)]")), typeMessage('startsWith', 'second', 'String', 'Integer'));
  });

  it('padLeft pads strings and integers', () => {
    assert.equal(evaluate("[padLeft('7', 3, '0')]"), '007');
    assert.equal(evaluate('[padLeft(42, 5)]'), '   42');
    assert.equal(evaluate("[padLeft('abcd', 2, '0')]"), 'abcd');
    assert.match(errorMessage(() => evaluate("[padLeft('1', 3, '00')]")), /the padding character must be a single character/);
  });

  it('base64, base64ToString, base64ToJson and json', () => {
    assert.equal(evaluate("[base64('one, two')]"), 'b25lLCB0d28=');
    assert.equal(evaluate("[base64ToString('b25lLCB0d28=')]"), 'one, two');
    assert.deepEqual(evaluate("[base64ToJson(base64('{\"a\":[1]}'))]"), { a: [1] });
    assert.deepEqual(evaluate("[json('{\"a\": true}')]"), { a: true });
    assert.equal(evaluate("[json('null')]"), null);
    assert.match(errorMessage(() => evaluate("[json('{nope')]")), /the provided value '\{nope' is not valid JSON/);
    assert.match(errorMessage(() => evaluate("[base64ToString('***')]")), /not a valid Base-64 string/);
  });

  it('uri, uriComponent and uriComponentToString', () => {
    assert.equal(evaluate("[uri('https://example.com/a/b/', 'c.json')]"), 'https://example.com/a/b/c.json');
    assert.equal(evaluate("[uri('https://example.com/a/b', 'c.json')]"), 'https://example.com/a/c.json');
    assert.equal(evaluate("[uriComponent('a b/c!')]"), 'a%20b%2Fc%21');
    assert.equal(evaluate("[uriComponentToString('a%20b%2Fc')]"), 'a b/c');
    assert.match(errorMessage(() => evaluate("[uri('not a uri', 'x')]")), /the base URI 'not a uri' is not an absolute URI/);
  });

  it('utcNow and newGuid only in parameter default values', () => {
    assert.equal(evaluate('[utcNow()]', { place: 'parameterDefault' }), '20260314T090507Z');
    assert.equal(evaluate("[utcNow('u')]", { place: 'parameterDefault' }), '2026-03-14 09:05:07Z');
    assert.equal(evaluate("[utcNow('yyyy-MM-dd')]", { place: 'parameterDefault' }), '2026-03-14');
    assert.match(evaluate('[newGuid()]', { place: 'parameterDefault' }) as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    assert.equal(
      errorMessage(() => evaluate('[utcNow()]', { place: 'resourceBody' })),
      `The template function 'utcNow' is not expected at this location. The function can only be used with parameter default values. ${help}`,
    );
    assert.match(errorMessage(() => evaluate('[newGuid()]', { place: 'variable' })), /The template function 'newGuid' is not expected at this location/);
  });
});
