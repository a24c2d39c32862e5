async def main():
    await 5
try:
    main().send(None)
except TypeError as e:
    print(type(e).__name__)
