complete --keep-order --exclusive --command netreg --arguments "(COMPLETE=fish netreg -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
