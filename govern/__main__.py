from govern.program import run

run()
