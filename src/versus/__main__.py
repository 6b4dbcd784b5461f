from versus.cli import main

main()
