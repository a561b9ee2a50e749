// Package data holds Một Cửa's domain: its nouns, rules, errors and the
// service interfaces the screens and commands use. It imports no GUI, SQL
// or HTTP package.
package data

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. The code says what kind of failure it is; the message says
// it to the officer in Vietnamese.
const (
	EInvalid  = "invalid"  // input the officer or a file got wrong
	ENotFound = "notfound" // no such record
	EConflict = "conflict" // the request clashes with what is stored
	EInternal = "internal" // a fault of ours; the message carries a log id
)

// Error is the one domain error type. Message is meant for the officer.
type Error struct {
	Code    string
	Message string
	// Fields names each bad field with its own message, in input order.
	Fields []FieldError
}

// FieldError is one bad field of an input: Field is the name the officer
// or a file sees (JSON key, record index …), Message says what is wrong.
type FieldError struct {
	Field   string
	Message string
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "\n  - %s: %s", f.Field, f.Message)
	}
	return b.String()
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the officer-facing message of err: the domain
// message when there is one, a generic internal-error text otherwise;
// never the error's own text, which may hold SQL or file paths. Screens
// and commands report an internal error first (errlog) and show
// InternalMessage with its id.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Error()
	}
	return "Lỗi nội bộ. Hãy thử lại; nếu vẫn lỗi, hãy báo người quản trị."
}

// InternalMessage tells the officer of an internal error logged under id.
func InternalMessage(id string) string {
	return fmt.Sprintf("Lỗi nội bộ (mã %s): việc vừa làm chưa xong. Hãy thử lại; nếu vẫn lỗi, hãy báo người quản trị kèm mã này.", id)
}

// Fields collects field errors and turns them into one *Error.
type Fields []FieldError

// Add records a bad field.
func (f *Fields) Add(field, format string, args ...any) {
	*f = append(*f, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when no field was added, else an EInvalid *Error.
func (f Fields) Err(message string) error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Message: message, Fields: f}
}
