// An emulator's routes called in-process, without HTTP: for requests no SDK client would send
// (names a spec pattern refuses) and for state set up by hand.
import { EmulatorContext, defaultOptions } from '../../../../emulator/context';
import type { EmulatorState } from '../../../../emulator/state/model';
import { Router, type RouteDefinition } from '../../../../emulator/http/router';
import { ArmError } from '../../../../emulator/http/armError';
import { advanceTime } from '../../../../emulator/backup/progress';

export interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
  headers: Record<string, string>;
}

export function inProcessArm(state: EmulatorState, routes: (context: EmulatorContext) => RouteDefinition[]) {
  const context = new EmulatorContext({ ...defaultOptions, caFile: '', timeScale: 1000 }, state);
  const router = new Router();
  router.add(...routes(context));
  const call = async (method: string, pathAndQuery: string, body?: unknown, now = Date.now()): Promise<Answer> => {
    const url = new URL(pathAndQuery, 'https://127.0.0.1');
    const { match } = router.match(method, url.pathname);
    if (!match) throw new Error(`no route for ${method} ${url.pathname}`);
    advanceTime(context, now);
    try {
      const answer = await match.route.handler({ method, url, origin: url.origin, parameters: match.parameters, headers: {}, body, apiVersion: url.searchParams.get('api-version') ?? '', now });
      return { status: answer.status, body: answer.body as Record<string, unknown> | undefined, headers: answer.headers ?? {} };
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      return { status: error.status, body: error.toBody() as unknown as Record<string, unknown>, headers: error.headers };
    }
  };
  return { context, call };
}

export function errorOf(answer: Answer): { code: string; message: string; details?: { code: string; target?: string; message: string }[] } {
  return (answer.body as { error: { code: string; message: string } }).error;
}
