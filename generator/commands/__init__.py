"""The user's commands: orchestration and I/O around the pure pipeline stages."""
