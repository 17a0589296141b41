def rss(title, desc, decl):
    if decl is None:
        d = ''
    elif decl == '':
        d = '<?xml version="1.0"?>\n'
    else:
        d = '<?xml version="1.0" encoding="' + decl + '"?>\n'
    return (d + '<rss version="2.0">\n  <channel>\n    <title>Encodings</title>\n'
            '    <link>https://charset.example.com/</link>\n    <description>Bytes and their labels</description>\n'
            '    <item>\n      <title>' + title + '</title>\n      <link>https://charset.example.com/item</link>\n'
            '      <description>' + desc + '</description>\n    </item>\n  </channel>\n</rss>\n')
T = 'Café crème, naïve résumé'
D = 'Ünïcödé ✓ 日本語'
def w(name, data):
    open('charset/' + name, 'wb').write(data)
w('utf8-bom.xml', b'\xef\xbb\xbf' + rss(T, D, 'UTF-8').encode('utf-8'))
w('utf8-no-declaration.xml', rss(T, D, None).encode('utf-8'))
w('utf16le-bom.xml', b'\xff\xfe' + rss(T, D, 'UTF-16').encode('utf-16-le'))
w('utf16be-bom.xml', b'\xfe\xff' + rss(T, D, 'UTF-16').encode('utf-16-be'))
w('utf16le-no-bom.xml', rss(T, D, 'UTF-16LE').encode('utf-16-le'))
w('utf16be-no-bom.xml', rss(T, D, 'UTF-16BE').encode('utf-16-be'))
w('utf32le-bom.xml', b'\xff\xfe\x00\x00' + rss(T, D, 'UTF-32').encode('utf-32-le'))
w('utf32be-bom.xml', b'\x00\x00\xfe\xff' + rss(T, D, 'UTF-32').encode('utf-32-be'))
w('utf32le-no-bom.xml', rss(T, D, 'UTF-32LE').encode('utf-32-le'))
w('utf32be-no-bom.xml', rss(T, D, 'UTF-32BE').encode('utf-32-be'))
w('utf16le-bom-declared-utf8.xml', b'\xff\xfe' + rss(T, D, 'UTF-8').encode('utf-16-le'))
L = 'criminalité liée à la drogue'
w('latin1-declared-utf8.xml', rss(L, 'Déjà vu', 'UTF-8').encode('latin-1'))
w('latin1-undeclared-http-charset.xml', rss(L, 'Déjà vu', '').encode('latin-1'))
w('latin1-no-declaration-http-charset.xml', rss(L, 'Déjà vu', None).encode('latin-1'))
w('utf8-declared-latin1.xml', rss(T, 'Déjà vu', 'ISO-8859-1').encode('utf-8'))
C = '“Smart quotes” — and €5 ‘single’ … ™'
w('cp1252-declared-latin1.xml', rss(C, 'It’s 20€', 'ISO-8859-1').encode('cp1252'))
w('cp1252-declared-cp1252.xml', rss(C, 'It’s 20€', 'windows-1252').encode('cp1252'))
mojibake = C.encode('cp1252').decode('latin-1')
w('utf8-c1-controls.xml', rss(mojibake, 'plain', 'UTF-8').encode('utf-8'))
w('koi8r-declared.xml', rss('Привет, мир', 'Кириллица', 'KOI8-R').encode('koi8-r'))
w('cp1251-http-overrides-declaration.xml', rss('Привет, мир', 'Кириллица', 'UTF-8').encode('cp1251'))
w('shift-jis-declared.xml', rss('日本語のブログ', 'テスト', 'Shift_JIS').encode('shift_jis'))
w('utf8-mixed-latin1-bytes.xml', rss(T, 'ok', 'UTF-8').encode('utf-8').replace(b'<description>ok', b'<description>' + 'Déjà'.encode('latin-1')))
w('gb18030-declared.xml', rss('中文博客', '测试', 'GB18030').encode('gb18030'))
