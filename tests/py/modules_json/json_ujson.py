try:
    import ujson
except ImportError:
    import json as ujson
import json

print(ujson.dumps({"a": [1, 2]}), ujson.loads("[true]"))
