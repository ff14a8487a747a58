print("asym")
