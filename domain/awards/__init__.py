"""Award programmes (Amyaz, Nawah, Maan): frameworks, editions, applications, judging."""
