"""Icons, translations and other files the app ships; installed as `stepfun_studio.resources`."""
