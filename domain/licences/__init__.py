"""Professional licences in quality: technical (first stage) and administrative (second)."""
