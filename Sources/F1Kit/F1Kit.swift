// The F1Kit core module.
