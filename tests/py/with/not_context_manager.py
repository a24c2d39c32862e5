try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print('error raised')
