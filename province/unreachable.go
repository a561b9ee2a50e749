package province

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"os"
	"syscall"
)

// Unreachable says, in the officer's words, that the province's server
// could not be reached and why; the error's own text (addresses, ports,
// Go's wording) is for the log only.
func Unreachable(err error) string {
	var (
		dns      *net.DNSError
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		record   tls.RecordHeaderError
	)
	why := "lỗi mạng"
	switch {
	case errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err):
		why = "máy chủ không trả lời kịp"
	case errors.As(err, &dns):
		why = "không tìm thấy tên máy chủ"
	case errors.As(err, &verify), errors.As(err, &unknown), errors.As(err, &hostname), errors.As(err, &invalid):
		why = "chứng chỉ của máy chủ không khớp với tệp chứng chỉ CA của máy trạm"
	case errors.As(err, &record):
		why = "địa chỉ đó không phải máy chủ HTTPS"
	case errors.Is(err, syscall.ECONNREFUSED):
		why = "máy chủ không nhận kết nối"
	}
	return "Không kết nối được máy chủ tỉnh (" + why + ")"
}
