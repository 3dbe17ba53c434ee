print("revtrack-bench")
