#!/usr/bin/env python3
"""Writes the ingest fixture suite, tests/fixtures/formats/, one file per
format Segmenta reads (and one per bad input). Standard library only.

    python3 scripts/make-fixtures.py

The files are committed; run this again after changing it. What each file
must give (customers, rows, detected formats) is asserted in
tests/formats.rs (natively) and tests/e2e/formats.test.mjs (in the browser,
through the wasm build).
"""
import pathlib
import zipfile

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "formats"


def write(name, text, encoding="utf-8", bom=b""):
    (OUT / name).write_bytes(bom + text.encode(encoding))


def lines(*rows):
    return "".join(r + "\r\n" for r in rows)


def main():
    OUT.mkdir(parents=True, exist_ok=True)

    # UTF-8 without BOM, comma, ISO dates with T or space and zones.
    write("utf8_iso.csv", lines(
        "order_id,customer_id,order_date,amount",
        "1,c1,2024-03-01,10.50",
        "2,c2,2024-03-02T10:20:30+09:00,20",
        "3,c1,2024-03-03 08:00,5.25",
        "4,c3,2024-03-04T23:59:59Z,100",
        "5,c2,2024-03-05 12:00:00,1,000.00",
    ).replace("1,000.00", '"1,000.00"'))

    # UTF-8 with BOM, semicolon, D.M.YYYY, decimal comma and euro signs.
    write("utf8_bom_semicolon_decimal_comma.csv", lines(
        "Customer;Order;Date;Revenue",
        "k1;A-1;05.03.2024;1.234,56 €",
        "k2;A-2;06.03.2024;12,50 €",
        "k1;A-3;13.03.2024;€ 7,00",
        "k3;A-4;14.03.2024 09:30;0,99",
    ), bom=b"\xef\xbb\xbf")

    # UTF-16 LE with BOM, tab, M/D/YYYY H:MM, dollars, negatives in parentheses.
    write("utf16le_tab_us_dates.tsv", lines(
        "InvoiceNo\tCustomer ID\tInvoiceDate\tAmount",
        "5001\tu1\t3/1/2024 9:05\t$1,200.00",
        "5002\tu2\t3/13/2024 14:30\t$ 80.00",
        "5003\tu1\t12/2/2024 8:00\t($200.00)",
        "5004\tu3\t3/14/2024 10:00\t15.00 USD",
    ), encoding="utf-16-le", bom=b"\xff\xfe")

    # UTF-16 BE with BOM, pipe, YYYY/MM/DD, trailing minus for a return.
    write("utf16be_pipe_ymd_slash.txt", lines(
        "order|client|date|total",
        "o1|b1|2024/01/05|300.00",
        "o2|b2|2024/01/06 13:00:00|45.50",
        "o3|b1|2024/01/07|20.00-",
    ), encoding="utf-16-be", bom=b"\xfe\xff")

    # CP949 (what Korean Excel writes): Korean headers, Korean dates with
    # 오전/오후, won amounts written ￦, 원 and \ (how CP949 shows ₩).
    write("cp949_korean.csv", lines(
        "주문번호,고객번호,주문일자,결제금액,배송지",
        '1001,김철수,2024년 3월 5일 오후 2:30,"￦12,000",서울',
        '1002,이영희,2024년 3월 6일,"15,000원",부산',
        '1003,김철수,2024년 3월 9일 오전 9:15,"\\30,000",서울',
        '1004,박민수,2024년 3월 10일,"￦ 5,500",대구',
        '1005,이영희,2024년 3월 11일 오후 11:59,"₩1,000",부산'.replace("₩", "￦"),
    ), encoding="cp949")

    # Windows-1252: accented names, pound signs, D/M/YYYY told apart by days > 12.
    write("windows1252_pounds.csv", lines(
        "Customer,Invoice,Date,Revenue",
        "Café Müller,W1,25/12/2023,£1,050.00".replace("£1,050.00", '"£1,050.00"'),
        "Zoë Brontë,W2,03/01/2024,£20.00",
        "Café Müller,W3,15/01/2024,£30.50",
        "François,W4,31/01/2024,£5.00",
    ), encoding="cp1252")

    # Every date fits both D/M and M/D: flagged as ambiguous.
    write("ambiguous_day_month.csv", lines(
        "customer_id,order_date,amount",
        "a1,01/02/2024,10",
        "a2,03/04/2024,20",
        "a1,05/06/2024,30",
        "a3,11/12/2024,40",
    ))

    # YYYYMMDD, quantity × unit price, returns (negative quantity and a C
    # invoice), exact duplicate lines, a row with no customer.
    write("yyyymmdd_quantity_price_returns.csv", lines(
        "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID",
        "536365,A,6,20240105,2.55,17850",
        "536365,B,6,20240105,3.39,17850",
        "536365,B,6,20240105,3.39,17850",
        "536366,A,2,20240106,1.85,13047",
        "C536367,A,-2,20240107,1.85,13047",
        "536368,C,-1,20240108,10.00,17850",
        "536369,A,1,20240109,5.00,",
        "536370,D,3,20240110,4.00,12583",
    ))

    # Excel serial day numbers and Unix seconds.
    write("excel_serial_dates.csv", lines(
        "customer,date,sales",
        "e1,45356,10",
        "e2,45357.5,20",
        "e1,45360,30",
    ))
    write("unix_seconds_dates.csv", lines(
        "customer,date,sales",
        "x1,1709640000,10",
        "x2,1709726400,20",
        "x1,1709985600,30",
    ))

    # Korean Excel's own date style, 2024. 3. 5. 오후 2:30:00, and YYYY.MM.DD.
    write("ymd_dot_korean_excel.csv", lines(
        "회원ID,구매일자,매출",
        "m1,2024. 3. 5. 오후 2:30:00,1000",
        "m2,2024. 3. 6. 오전 10:00:00,2000",
        "m1,2024.03.07,3000",
    ))

    # Quoted fields holding delimiters, quotes and line breaks; ragged rows
    # (one short, skipped; one long, used); a date after the file's dates
    # that an as-of date in the test skips; an unreadable amount and date.
    write("quoted_ragged.csv", lines(
        "order_id,customer_id,order_date,amount,note",
        '1,q1,2024-02-01,10,"plain"',
        '2,q2,2024-02-02,20,"with, comma"',
        '3,q1,2024-02-03,30,"with ""quotes"""',
        '4,q3,2024-02-04,40,"two\r\nlines"',
        "5,q2,2024-02-05",
        "6,q3,2024-02-06,60,extra,fields",
        "7,q1,2024-12-31,70,future",
        "8,q2,2024-02-08,abc,bad amount",
        "9,q2,someday,90,bad date",
    ))

    # Headers that name nothing (German): every column found from its values.
    write("unnamed_columns_by_values.csv", lines(
        "Kunde;Beleg;Datum;Betrag;Filiale",
        "K-17;B1;05.03.2024;1.234,56 €;Berlin",
        "K-42;B2;06.03.2024;99,90 €;Hamburg",
        "K-17;B3;09.03.2024;10,00 €;Berlin",
        "K-08;B4;11.03.2024;5,50 €;München",
    ))

    # Pre-aggregated customer tables, read as they are: recency in days, or
    # the last purchase date.
    write("customer_table_recency_days.csv", lines(
        "customer_id,recency,frequency,monetary",
        "r1,3,12,1500.00",
        "r2,40,2,80.50",
        "r3,200,1,20.00",
    ))
    write("customer_table_last_purchase.csv", lines(
        "회원번호,최근구매일,구매횟수,총구매금액",
        "m1,2024-06-01,5,500000",
        "m2,2024-05-15,1,30000",
        "m3,2024-01-20,2,70000",
    ))

    # A workbook: Korean headers, real date cells and numbers on the first
    # sheet; a second sheet to choose by name.
    write_xlsx(OUT / "workbook.xlsx", {
        "주문": [
            ["주문번호", "고객ID", "주문일", "판매금액"],
            ["w1", "k1", ("date", 45356), 1200],
            ["w2", "k2", ("date", 45357.75), 800.5],
            ["w3", "k1", ("date", 45360), -200],
            ["w4", "", ("date", 45361), 50],
        ],
        "Other": [
            ["customer_id", "order_date", "amount"],
            ["z1", "2024-01-01", 5],
            ["z2", "2024-01-02", 6],
            ["z3", "2024-01-03", 7],
        ],
    })

    # Formulas: saved with their results (read), without (skipped as a
    # formula without a computed value), and an error result (#DIV/0!).
    write_xlsx(OUT / "workbook_formulas.xlsx", {
        "Orders": [
            ["order_id", "customer_id", "order_date", "quantity", "unit_price", "amount"],
            ["f1", "k1", ("date", 45356), 2, 10, ("formula", "D2*E2", 20, None)],
            ["f2", "k2", ("formula", "DATE(2024,3,6)", 45357, 1), 1, 5, ("formula", "D3*E3", 5, None)],
            ["f3", "k3", ("date", 45358), 3, 4, ("formula", "D4*E4", None, None)],
            ["f4", "k1", ("formula", "TODAY()", None, 1), 1, 7, ("formula", "D5*E5", 7, None)],
            ["f5", "k4", ("date", 45360), 1, 0, ("formula", "D6/E6", "#DIV/0!", None)],
        ],
    })

    # Bad inputs, each with its own message.
    write("bad_empty.csv", "")
    write("bad_whitespace_only.csv", "\r\n  \r\n")
    write("bad_header_only.csv", lines("customer_id,order_date,amount"))
    (OUT / "bad_binary.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with zipfile.ZipFile(OUT / "bad_archive.zip", "w") as z:
        z.writestr(zipfile.ZipInfo("orders.csv", date_time=(2024, 1, 1, 0, 0, 0)), "customer_id,order_date,amount\nc1,2024-01-01,1\n")
    write("bad_no_columns.csv", lines("who,when,how much", ",yesterday,lots", ",today,a few"))


def write_xlsx(path, sheets):
    """A minimal .xlsx: inline strings, numbers, and dates as serials with
    the built-in date style (numFmtId 14)."""
    def cell(ref, value):
        if isinstance(value, tuple) and value[0] == "formula":
            # ("formula", text, saved result or None, style): Excel's <f> with its cached <v>.
            _, text, result, style = value
            attrs = f' s="{style}"' if style else ""
            if isinstance(result, str):
                attrs += ' t="e"'  # an error value such as #DIV/0!
            saved = "" if result is None else f"<v>{result}</v>"
            return f'<c r="{ref}"{attrs}><f>{text}</f>{saved}</c>'
        if isinstance(value, tuple):
            return f'<c r="{ref}" s="1"><v>{value[1]}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        if value == "":
            return ""
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    def sheet_xml(rows):
        body = "".join(
            f'<row r="{i + 1}">' + "".join(cell(f"{chr(65 + j)}{i + 1}", v) for j, v in enumerate(row)) + "</row>"
            for i, row in enumerate(rows))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{body}</sheetData></worksheet>")

    names = list(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(names)))
          + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>")
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names))
                + "</sheets></workbook>")
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names)))
               + f'<Relationship Id="rId{len(names) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               "</Relationships>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
              "</styleSheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed timestamps so the bytes are the same on every run.
        def put(name, data):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        put("[Content_Types].xml", ct)
        put("_rels/.rels", rels)
        put("xl/workbook.xml", workbook)
        put("xl/_rels/workbook.xml.rels", wb_rels)
        put("xl/styles.xml", styles)
        for i, n in enumerate(names):
            put(f"xl/worksheets/sheet{i + 1}.xml", sheet_xml(sheets[n]))


if __name__ == "__main__":
    main()
