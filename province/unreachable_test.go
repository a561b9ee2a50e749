package province_test

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"motcua/province"
)

func TestUnreachableSaysWhyWithoutTheErrorsText(t *testing.T) {
	raw := func(err error) error { return fmt.Errorf("Post \"https://10.1.2.3:8443/v1/push\": %w", err) }
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"refused", raw(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}), "không nhận kết nối"},
		{"no such host", raw(&net.DNSError{Err: "no such host", Name: "dongbo.tinh.gov.vn"}), "không tìm thấy tên máy chủ"},
		{"timeout", raw(context.DeadlineExceeded), "không trả lời kịp"},
		{"untrusted", raw(x509.UnknownAuthorityError{}), "chứng chỉ"},
		{"other", raw(errors.New("EOF")), "lỗi mạng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := province.Unreachable(c.err)
			if !strings.HasPrefix(got, "Không kết nối được máy chủ tỉnh") || !strings.Contains(got, c.want) {
				t.Errorf("%q, want it to say %q", got, c.want)
			}
			for _, leak := range []string{"10.1.2.3", "8443", "dial", "Post", "dongbo"} {
				if strings.Contains(got, leak) {
					t.Errorf("%q shows %q", got, leak)
				}
			}
		})
	}
}
