/** Codes of the sandbox's own errors, returned by the admin API. */
export type SandboxErrorCode =
  | 'invalid_request'
  | 'account_not_found'
  | 'matter_not_found'
  | 'matter_not_deleted'
  | 'matter_limit_reached'
  | 'matter_stage_not_found'
  | 'matter_stage_outside_practice_area'
  | 'practice_area_not_found'
  | 'user_not_found'
  | 'contact_not_found'
  | 'custom_field_not_found'
  | 'invalid_custom_field_value'
  | 'route_not_found';

/** An error of the sandbox's own operations, with a code and a message that names the value at fault. */
export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
