try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong handler')
    finally:
        print('inner finally')
except ValueError as e:
    print('outer caught', e)
