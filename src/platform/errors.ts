/**
 * Domain errors carry an HTTP status and a Vietnamese message for the user. Services throw
 * them; the one error handler turns them into problem details (API) or pages (portal).
 */
export class DomainError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly code: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, message, 'bad_request', details);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'Bạn cần đăng nhập để tiếp tục.') {
    super(401, message, 'unauthorized');
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.') {
    super(403, message, 'forbidden');
  }
}
export class NotFoundError extends DomainError {
  constructor(message = 'Không tìm thấy dữ liệu yêu cầu.') {
    super(404, message, 'not_found');
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, message, 'conflict');
  }
}
export class TooManyRequestsError extends DomainError {
  constructor(message: string, public readonly retryAfterSeconds?: number) {
    super(429, message, 'too_many_requests');
  }
}

/** Vietnamese titles of the statuses the API returns. */
export const STATUS_TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu gửi lên quá lớn',
  414: 'Địa chỉ yêu cầu quá dài',
  415: 'Kiểu dữ liệu không được hỗ trợ',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};
