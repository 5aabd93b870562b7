package app

func runGUI(c *command) error {
	return usageError("the window is not built yet")
}
