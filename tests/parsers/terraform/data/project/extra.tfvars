owner = "var-file"
