//go:build !linux

package graph_test

import (
	"os"
	"time"
)

// threadCPU is not measured outside Linux.
func threadCPU() time.Duration { return 0 }

func lockThread() func() { return func() {} }

// peakRSS is not measured outside Linux.
func peakRSS(*os.ProcessState) float64 { return 0 }
