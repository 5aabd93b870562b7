//go:build !linux

package graph_test

import "time"

// threadCPU is not measured outside Linux.
func threadCPU() time.Duration { return 0 }

func lockThread() func() { return func() {} }
