from soleus_tui.cli import main

raise SystemExit(main())
