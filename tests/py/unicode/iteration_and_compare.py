for ch in 'aé中':
    print(ch, len(ch.encode()))
print('é' > 'e', 'ä' < 'z', sorted(['é', 'z', 'a', 'ñ']))
print('café' == 'caf\u00e9', '\u4e2d' == '中')
