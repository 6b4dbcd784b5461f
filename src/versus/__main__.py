from versus.cli import run

run()
