import re
text = open("CHANGELOG.md").read()
m = re.search(r"^## \[Unreleased\]", text, re.M)
print(m.start() if m else -1)
