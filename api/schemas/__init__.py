"""Request and response bodies (msgspec Structs): separate create, change and read shapes."""
