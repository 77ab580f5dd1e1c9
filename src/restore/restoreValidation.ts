// Azure's own check of a restore request (the Backup service's validate-operation API), as the
// form shows it before the user confirms: each problem with Azure's code, its message and what
// Azure recommends. Plain data: the host reads it, the webview shows it.

export interface RestoreValidationResult {
  /** Azure's error code, e.g. UserErrorCoreCountSubscriptionQuotaReached. */
  code: string;
  message: string;
  recommendations: string[];
}

/** What validate-operation answered: no results means Azure accepts the request. */
export interface RestoreValidation {
  valid: boolean;
  results: RestoreValidationResult[];
}

/** The answer in words: one line per problem, its recommendations after it. */
export function describeRestoreValidation(validation: RestoreValidation): string {
  if (validation.valid) return 'Azure validated the restore: no problem found.';
  const lines = validation.results.map((result) => {
    const recommended = result.recommendations.length > 0 ? ` ${result.recommendations.join(' ')}` : '';
    return `${result.code}: ${result.message}${recommended}`;
  });
  return `Azure found ${validation.results.length === 1 ? 'a problem' : `${validation.results.length} problems`} with the restore:\n${lines.join('\n')}`;
}
