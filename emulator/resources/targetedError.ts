import { ArmError } from '../http/armError';

/**
 * An ARM error that names the offending parameter in `target`, as Compute (ApiError) and Storage
 * (ErrorResponse) do; ArmError's body has no room for it.
 */
export class TargetedError extends ArmError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly target?: string,
  ) {
    super(status, code, message);
  }

  override toBody(): ReturnType<ArmError['toBody']> {
    const body = super.toBody();
    return this.target ? { error: { ...body.error, target: this.target } as typeof body.error } : body;
  }
}
