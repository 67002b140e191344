import { ApiError } from '../api-error';

/** A bad request from a message that starts with the field it names (`steps.0.typeCode: ...`), carrying that field as its issue. */
export function fieldProblem(message: string): ApiError {
  const path = message.slice(0, Math.max(0, message.indexOf(':'))) || 'id';
  return new ApiError('bad_request', message, [{ path, message: message.slice(path.length + 1).trim() || message }]);
}
