/** Table `locale` that tells a failed load apart from a genuinely empty list. */
export function emptyTextFor(failed: boolean) {
  return failed ? { emptyText: 'Không tải được dữ liệu. Vui lòng tải lại trang.' } : undefined;
}
