import sys
import pandas as pd

df = pd.read_csv(sys.argv[1])
print(df.groupby("region")["revenue_cents"].sum().div(100).to_markdown())
