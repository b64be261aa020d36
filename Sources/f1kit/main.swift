print("f1kit")
