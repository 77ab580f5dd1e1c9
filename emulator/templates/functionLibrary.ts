/**
 * Every template function the emulator implements, registered once. The evaluator imports this
 * module; anything not registered here fails as Azure fails an unknown function.
 */
import { collectionFunctions } from './collectionFunctions';
import { registerFunctions } from './functionRegistry';
import { logicFunctions } from './logicFunctions';
import { resourceFunctions } from './resourceFunctions';
import { scopeFunctions } from './scopeFunctions';
import { stringFunctions } from './stringFunctions';

registerFunctions({ ...stringFunctions, ...collectionFunctions, ...logicFunctions, ...scopeFunctions, ...resourceFunctions });

/** The names, for documentation and tests. */
export const supportedFunctionNames = Object.keys({
  ...stringFunctions, ...collectionFunctions, ...logicFunctions, ...scopeFunctions, ...resourceFunctions,
}).sort((a, b) => a.localeCompare(b));
