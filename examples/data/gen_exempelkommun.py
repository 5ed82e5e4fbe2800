# Generates examples/data/exempelkommun.se: a small, made-up municipal SIE 4E file
# (Kommun-Bas accounts, ansvar and verksamhet objects, a budget). Run from anywhere:
#   python3 examples/data/gen_exempelkommun.py
# Every figure is invented; the expected statements are checked by tests/ledger.rs.
from decimal import Decimal as D
from collections import defaultdict

accounts = {
 "1110":"Byggnader", "1119":"Ackumulerade avskrivningar byggnader", "1210":"Inventarier",
 "1219":"Ackumulerade avskrivningar inventarier", "1310":"Aktier och andelar",
 "1410":"Bidrag till statlig infrastruktur", "1510":"Förråd", "1610":"Kundfordringar",
 "1930":"Bank", "2010":"Eget kapital", "2050":"Resultatutjämningsreserv",
 "2211":"Avsättning för pensioner", "2290":"Övriga avsättningar", "2310":"Lån i banker och kreditinstitut",
 "2410":"Leverantörsskulder", "2910":"Upplupna kostnader",
 "3110":"Taxor och avgifter", "3510":"Statsbidrag", "3701":"Interna intäkter, IT-tjänster",
 "4010":"Inköp av material", "4701":"Interna kostnader, IT-tjänster", "5010":"Löner",
 "5610":"Sociala avgifter", "5710":"Pensionskostnader", "6110":"Fastighetskostnader",
 "7910":"Avskrivningar", "8010":"Skatteintäkter", "8210":"Inkomstutjämningsbidrag",
 "8310":"Kostnadsutjämningsavgift", "8410":"Ränteintäkter", "8510":"Räntekostnader",
}
ansvar = {"100":"Kommunstyrelsen", "200":"Barn- och utbildningsnämnden", "300":"Socialnämnden", "900":"Finansförvaltningen"}
verks = {"10":"Politisk verksamhet", "40":"Grundskola", "50":"Äldreomsorg", "90":"Gemensamt och finansiering"}
vmap = {"100":"10", "200":"40", "300":"50", "900":"90"}
ib = {"1110":50_000_000,"1210":5_000_000,"1310":2_000_000,"1410":1_000_000,"1510":200_000,"1610":3_000_000,
      "1930":8_800_000,"2010":-30_000_000,"2050":-2_000_000,"2211":-4_000_000,"2290":-1_000_000,
      "2310":-25_000_000,"2410":-5_000_000,"2910":-3_000_000}
assert sum(ib.values()) == 0
vers = []  # (date, text, rows[(acct, ansvar or None, amount)])
def v(date, text, *rows):
    assert sum(r[2] for r in rows) == 0, text
    vers.append((date, text, rows))
for m in range(1, 13):
    d = f"2025{m:02d}25"
    v(d, f"Skatteintäkter {m:02d}", ("1930", None, 5_500_000), ("8010", "900", -5_500_000))
for q, m in enumerate([3, 6, 9, 12], 1):
    d = f"2025{m:02d}28"
    v(d, f"Utjämningsbidrag kvartal {q}", ("1930", None, 3_000_000), ("8210", "900", -3_000_000))
    v(d, f"Löner kvartal {q}", ("5010","200",6_000_000),("5010","300",5_500_000),("5010","100",1_500_000),("1930",None,-13_000_000))
    v(d, f"Sociala avgifter kvartal {q}", ("5610","200",1_875_000),("5610","300",1_725_000),("5610","100",475_000),("1930",None,-4_075_000))
    v(d, f"Interna IT-tjänster kvartal {q}", ("4701","200",300_000),("4701","300",200_000),("3701","100",-500_000))
v("20250131", "Kostnadsutjämningsavgift", ("8310","900",1_000_000), ("1930",None,-1_000_000))
v("20250430", "Materialinköp \"vår\"", ("4010","200",1_500_000),("4010","300",1_250_000),("4010","100",500_000),("2410",None,-3_250_000))
v("20251031", "Materialinköp höst", ("4010","200",1_500_000),("4010","300",1_250_000),("4010","100",500_000),("2410",None,-3_250_000))
v("20250630", "Fastighetskostnader", ("6110","100",4_000_000),("2410",None,-4_000_000))
v("20251130", "Betalning leverantörer", ("2410",None,10_000_000),("1930",None,-10_000_000))
v("20250531", "Barnomsorgsavgifter", ("3110","200",-2_000_000),("1930",None,2_000_000))
v("20250930", "Äldreomsorgsavgifter", ("3110","300",-3_500_000),("1930",None,3_000_000),("1610",None,500_000))
v("20250415", "Statsbidrag", ("3510","200",-1_500_000),("3510","300",-1_200_000),("1930",None,2_700_000))
v("20251231", "Avskrivningar", ("7910","100",3_200_000),("1119",None,-2_500_000),("1219",None,-700_000))
v("20251231", "Ränteintäkter", ("8410","900",-100_000),("1930",None,100_000))
v("20251231", "Räntekostnader", ("8510","900",400_000),("1930",None,-400_000))
v("20250315", "Investering inventarier", ("1210",None,1_500_000),("1930",None,-1_500_000))
v("20250630", "Amortering", ("2310",None,1_000_000),("1930",None,-1_000_000))
v("20251231", "Pensionsavsättning", ("5710","100",300_000),("2211",None,-300_000))

bal = defaultdict(int, ib)
res = defaultdict(int)
for _, _, rows in vers:
    for a, _, amt in rows:
        if a[0] in "12": bal[a] += amt
        else: res[a] += amt
budget = {
 ("200","5010"):24_000_000,("200","5610"):7_200_000,("200","4010"):2_400_000,("200","3110"):-1_800_000,("200","3510"):-1_200_000,("200","4701"):1_200_000,
 ("300","5010"):21_600_000,("300","5610"):6_600_000,("300","4010"):2_400_000,("300","3110"):-3_600_000,("300","3510"):-1_200_000,("300","4701"):840_000,
 ("100","5010"):6_000_000,("100","5610"):1_920_000,("100","4010"):1_200_000,("100","6110"):3_600_000,("100","3701"):-2_040_000,("100","7910"):3_240_000,("100","5710"):240_000,
 ("900","8010"):-66_000_000,("900","8210"):-12_000_000,("900","8310"):960_000,("900","8410"):-120_000,("900","8510"):480_000,
}
def q(s): return '"' + s.replace('"', '\\"') + '"'
def amt(x): return f"{D(x):.2f}"
L = []
L += ["#FLAGGA 0", "#PROGRAM \"kommunal-redovisning exempeldata\" 1.0", "#FORMAT PC8", "#GEN 20260115",
      "#SIETYP 4", "#PROSA " + q("Påhittad exempelkommun för kommunal-redovisning; alla belopp är uppdiktade"),
      "#FNR EXEMPEL", "#FNAMN " + q("Exempelkommunen (påhittad)"),
      "#RAR 0 20250101 20251231", "#RAR -1 20240101 20241231", "#KPTYP EUBAS97", "#VALUTA SEK"]
for a, n in accounts.items():
    L.append(f"#KONTO {a} {q(n)}")
L.append('#DIM 1 "Ansvar"'); L.append('#DIM 20 "Verksamhet"')
for o, n in ansvar.items(): L.append(f'#OBJEKT 1 "{o}" {q(n)}')
for o, n in verks.items(): L.append(f'#OBJEKT 20 "{o}" {q(n)}')
for a in accounts:
    if a[0] in "12":
        if ib.get(a): L.append(f"#IB 0 {a} {amt(ib[a])}"); L.append(f"#UB -1 {a} {amt(ib[a])}")
for a in accounts:
    if a[0] in "12" and bal[a]: L.append(f"#UB 0 {a} {amt(bal[a])}")
for a in accounts:
    if a[0] not in "12" and res[a]: L.append(f"#RES 0 {a} {amt(res[a])}")
for (o, a), b in budget.items():
    for m in range(1, 13):
        L.append(f'#PBUDGET 0 2025{m:02d} {a} {{1 "{o}"}} {amt(b // 12)}')
ser = 0
for d, t, rows in sorted(vers, key=lambda x: x[0]):
    ser += 1
    L.append(f"#VER A {ser} {d} {q(t)} 20260105")
    L.append("{")
    for a, o, x in rows:
        objs = f'{{1 "{o}" 20 "{vmap[o]}"}}' if o else "{}"
        L.append(f"   #TRANS {a} {objs} {amt(x)}")
    L.append("}")
text = "\r\n".join(L) + "\r\n"
import os
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "exempelkommun.se"), "wb").write(text.encode("cp437"))
# Expected figures
ext = lambda p: sum(v for a, v in res.items() if a.startswith(p))
print("VI", -(ext("31")+ext("35")), "VK", -(ext("4")+ext("5")+ext("6")+ext("7")-ext("79")-ext("4701")), "AV", -ext("79"))
print("res sum", -sum(res.values()), "bank", bal["1930"], "assets", sum(v for a,v in bal.items() if a[0]=="1"))
print("vouchers", len(vers))
