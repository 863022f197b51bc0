env = "auto-a"
