/**
 * The template's outer shape, checked before anything is evaluated: a JSON object with only the
 * members Azure's template schema knows (an unknown member fails deserialization, as in Azure),
 * resources as an array (languageVersion 2.0's symbolic names are not supported), and the size
 * limit (4 MB).
 */
import { seeHelp, syntaxHelp, validationFailed } from './templateErrors';
import { TemplateError } from './templateTypes';
import { isObject, type JsonObject } from './templateValues';

export const templateSizeLimit = 4 * 1024 * 1024;

const knownMembers = [
  '$schema', 'contentVersion', 'apiProfile', 'metadata', 'parameters', 'variables', 'functions', 'resources', 'outputs',
  'languageVersion', 'definitions',
];

/** Returns the template as an object, or throws what Azure answers for a malformed one. */
export function checkTemplateShape(template: unknown, path = 'properties.template'): JsonObject {
  if (!isObject(template)) {
    throw new TemplateError('InvalidRequestContent', `The request content was invalid and could not be deserialized: 'The template at path '${path}' must be a JSON object.'.`, path);
  }
  for (const member of Object.keys(template)) {
    if (!knownMembers.some((known) => known.toLowerCase() === member.toLowerCase())) {
      throw new TemplateError(
        'InvalidRequestContent',
        `The request content was invalid and could not be deserialized: 'Could not find member '${member}' on object of type 'Template'. Path '${path}.${member}'.'.`,
        `${path}.${member}`,
      );
    }
  }
  if (template.languageVersion !== undefined || template.definitions !== undefined || isObject(template.resources)) {
    throw validationFailed(
      seeHelp("The template uses languageVersion 2.0 (symbolic resource names or type definitions), which the emulator does not support. Compile it with resources as an array (languageVersion 1.0).", syntaxHelp),
      'languageVersion',
    );
  }
  if (template.resources !== undefined && !Array.isArray(template.resources)) {
    throw validationFailed(seeHelp("The template 'resources' property must be an array.", syntaxHelp), 'resources');
  }
  if (template.outputs !== undefined && !isObject(template.outputs)) {
    throw validationFailed(seeHelp("The template 'outputs' property must be an object.", syntaxHelp), 'outputs');
  }
  const size = Buffer.byteLength(JSON.stringify(template), 'utf8');
  if (size > templateSizeLimit) {
    throw new TemplateError('RequestContentTooLarge', `The request content size exceeds the maximum size of 4 MB. The template is ${size} bytes.`);
  }
  return template;
}
