"""`python -m stepfun_studio`: the same entry point as the `stepfun-studio` command."""

from stepfun_studio.app import main

raise SystemExit(main())
