"""The demo corpus content: six fictional outlets and the articles written for them.

Rules the words follow (see /about.html): real people appear only through widely reported public
statements, in indirect speech, with a link to the report ({rN} tokens); direct quotations come only from
fictional people; regulatory statements are true unless the page is one that repeats a false claim, and
then a fact-check page on the site disputes it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from demo_corpus import reports as R
from demo_corpus.model import Article, Outlet

OUTLETS: dict[str, Outlet] = {o.key: o for o in [
    Outlet("dailyglobe", "The Daily Globe", "news-jsonld", "Independent news and fact checks (a fictional newspaper)",
           ("World", "Politics", "Health", "Science", "Fact Check"),
           "A fictional daily newspaper whose health desk fact-checks celebrity health claims."),
    Outlet("wellnessmag", "Glow Wellness Magazine", "magazine-og", "Live well, glow always (a fictional magazine)",
           ("Wellness", "Beauty", "Mind", "Celebrity", "Shop"),
           "A fictional lifestyle magazine about wellness trends and the celebrities who follow them."),
    Outlet("renewclinic", "Renew Wellness Clinic", "clinic-landing", "Feel renewed (a fictional clinic)",
           ("Treatments", "Pricing", "About us", "Book now"),
           "A fictional clinic selling infusions, drips, hormone and weight-loss programmes."),
    Outlet("starblog", "Sam's Star Diary", "personal-blog", "Celebrity health, one fan's notes (a fictional blog)",
           ("Home", "Archive", "About"),
           "I'm Sam, a fictional fan who writes about what famous people say about their health. Not a doctor!"),
    Outlet("wellwire", "WellWire Newswire", "press-release", "Press releases from health organisations (fictional)",
           ("Latest releases", "Health", "Business", "Submit a release"),
           "A fictional newswire that publishes organisations' press releases as supplied."),
    Outlet("healthbuzz", "HealthBuzz Daily", "cookie-popup", "Celebrity health news you can't miss (fictional)",
           ("News", "Celebs", "Diet", "Mind", "Quizzes"),
           "A fictional celebrity-health site with more pop-ups than sources."),
]}

OKAFOR = "Dr Jane Okafor, a psychiatrist at Northmoor University Hospital"
REYES = "Professor Tomás Reyes, a clinical pharmacologist at the Halden Institute of Pharmacology"
LINDQVIST = "Dr Amara Lindqvist, an endocrinologist at Lakeshore Medical Center"
RAMAN = "Dr Priya Raman, a drug-policy researcher at Eastbrook University"
WARD = "Dr Felix Ward, an infectious-disease physician at Riverside General Hospital"
ACHEBE = "Dr Helen Achebe, a geriatrician at St Aldwyn's Hospital"

ARTICLES: list[Article] = [
    # ------------------------------------------------------------------ The Daily Globe (news, fact checks)
    Article(
        outlet="dailyglobe", slug="2024/03/musk-ketamine-what-is-approved",
        title="Musk says prescribed ketamine helps him with low moods. What has the FDA approved?",
        dek="Ketamine is an approved anaesthetic; for depression, only a related nasal spray has FDA approval.",
        published="2024-03-19T09:30:00+00:00", author="Dana Whitcombe", kind="disputes",
        people=["Elon Musk"], substances=["ketamine", "esketamine"],
        reports=[R.MUSK_KETAMINE_NEWSWEEK, R.MUSK_KETAMINE_DAILYMAIL], tags=["ketamine", "fact check"],
        extra={"section": "Fact Check"},
        body=[
            "Elon Musk said in an interview with the journalist Don Lemon, released on 18 March 2024, that he has a "
            "prescription for ketamine from a doctor and takes a small amount about once every other week, "
            "{r0:as Newsweek reported}. He said he uses it when he is in what he described as a negative chemical "
            "state, like depression, and suggested that people with depression could talk to their doctor about "
            "ketamine, {r1:according to the Daily Mail's account of the interview}.",
            "His remarks revived a question readers often ask us: is ketamine an approved treatment for depression? "
            "The short answer is no, although a closely related drug is.",
            "Ketamine was approved by the FDA in 1970 as an anaesthetic, sold as Ketalar.",
            "Spravato, a nasal spray form of esketamine, was approved by the FDA in March 2019 for "
            "treatment-resistant depression in adults. Patients use the spray in a certified clinic and are "
            "monitored for at least two hours afterwards. During the first four weeks the usual dose is 56 or "
            "84 mg twice a week, taken together with an oral antidepressant.",
            "Ketamine itself is not approved by the FDA for depression. Doctors may still prescribe it off label. "
            "In research studies it is usually given as an intravenous infusion of 0.5 mg/kg over 40 minutes, "
            "far below an anaesthetic dose.",
            "“A prescription makes it legal, but it does not make it approved for depression,” said " + OKAFOR + ". "
            "“Ketamine can help some patients with treatment-resistant depression for a while, but it can also "
            "raise blood pressure, cause dissociation and lead to dependence.”",
            "Ketamine is a Schedule III controlled substance in the United States. In the UK it has been a "
            "Class B drug since June 2014.",
            "Musk said in the interview that he did not think he had abused the drug. He did not say who "
            "prescribed it.",
        ],
        attributions=[
            ("He said he uses it when he is in what he described as a negative chemical state, like depression",
             "Elon Musk", "celebrity"),
            ("A prescription makes it legal, but it does not make it approved for depression",
             "Jane Okafor", "expert"),
        ],
        claims=[
            ("Ketamine was approved by the FDA in 1970 as an anaesthetic, sold as Ketalar.", "consistent"),
            ("Spravato, a nasal spray form of esketamine, was approved by the FDA in March 2019 for "
             "treatment-resistant depression in adults.", "consistent"),
            ("Ketamine itself is not approved by the FDA for depression.", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2023/12/matthew-perry-ketamine-medical-examiner",
        title="Matthew Perry died from acute effects of ketamine, medical examiner finds",
        dek="The actor had been receiving ketamine infusion therapy, but the examiner said the drug in his blood "
            "could not have come from it.",
        published="2023-12-16T07:00:00+00:00", author="Marcus Bell", kind="disputes",
        people=["Matthew Perry"], substances=["ketamine", "esketamine", "buprenorphine"],
        reports=[R.PERRY_RNZ_BBC, R.PERRY_LBC], tags=["ketamine"], extra={"section": "Health"},
        body=[
            "The Los Angeles County medical examiner's office said on 15 December 2023 that the actor Matthew "
            "Perry died from the acute effects of ketamine, {r0:as RNZ and the BBC reported}. Drowning, coronary "
            "artery disease and the effects of buprenorphine, a medicine used to treat opioid use disorder, were "
            "listed as contributing factors, and the death was ruled an accident.",
            "According to the autopsy report, Perry had been receiving ketamine infusion therapy, reportedly for "
            "depression and anxiety ({r1:LBC}), but his last known session was about a week and a half before his "
            "death. "
            "The examiner said the ketamine in his blood could not have come from that therapy, because the body "
            "clears the drug within hours. The levels found were in the range used for general anaesthesia.",
            "“A clinic dose under monitoring and an anaesthetic-level dose taken alone are very different "
            "things,” said " + OKAFOR + ". “At high levels ketamine depresses breathing and strains the heart.”",
            "Ketamine infusions for depression are an off-label use. The FDA has approved ketamine only as an "
            "anaesthetic. The only ketamine-derived medicine approved for depression is Spravato, a nasal spray of "
            "esketamine, which must be taken in a certified healthcare setting with at least two hours of "
            "monitoring.",
            "Some clinics advertise ketamine infusions as risk-free. The regulatory record does not support that: "
            "in October 2023 the FDA warned about the risks of compounded ketamine products used at home for "
            "psychiatric disorders.",
        ],
        claims=[
            ("The FDA has approved ketamine only as an anaesthetic.", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2024/08/fda-declines-mdma-therapy",
        title="FDA turns down MDMA-assisted therapy for PTSD",
        dek="Regulators asked for another trial, leaving MDMA a Schedule I drug in the United States.",
        published="2024-08-10T11:15:00+00:00", author="Dana Whitcombe", kind="disputes",
        substances=["mdma"], tags=["MDMA", "PTSD"], extra={"section": "Health"},
        body=[
            "The US Food and Drug Administration has declined to approve MDMA-assisted therapy for post-traumatic "
            "stress disorder. The agency sent the sponsor, Lykos Therapeutics, a complete response letter on "
            "9 August 2024.",
            "MDMA remains a Schedule I controlled substance in the United States.",
            "In June 2024 an FDA advisory committee voted 9 to 2 that the evidence did not show the treatment was "
            "effective, and 10 to 1 that its benefits did not outweigh its risks.",
            "The FDA had granted MDMA-assisted therapy breakthrough therapy designation in August 2017. That status "
            "speeds up review; it is not an approval.",
            "“Breakthrough designation is a promise to look quickly, not a verdict,” said " + REYES + ". “The "
            "committee's concerns about how the trials were run will take years, not months, to answer.”",
            "Several wellness sites, including Glow Wellness Magazine, told readers in June that approval was all "
            "but certain. It was not: MDMA has not been approved by the FDA for PTSD.",
            "Elsewhere, Australia's medicines regulator has allowed specially authorised psychiatrists to prescribe "
            "MDMA for PTSD since July 2023.",
        ],
        claims=[
            ("MDMA remains a Schedule I controlled substance in the United States.", "consistent"),
            ("MDMA has not been approved by the FDA for PTSD.", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2021/09/fact-check-ivermectin-covid",
        title="Fact check: ivermectin is not an approved treatment for COVID-19",
        dek="After Joe Rogan said he took the antiparasitic drug, posts claimed it cures COVID-19. It has no such "
            "approval.",
        published="2021-09-03T10:00:00+00:00", modified="2021-11-08T09:00:00+00:00", author="Marcus Bell",
        kind="disputes", people=["Joe Rogan", "Aaron Rodgers"], substances=["ivermectin", "nad+"],
        reports=[R.ROGAN_IVERMECTIN_BI, R.RODGERS_IVERMECTIN_SI], tags=["ivermectin", "COVID-19", "fact check"],
        extra={"section": "Fact Check",
               "claim_review": {"claim": "Ivermectin cures COVID-19.", "author": "Social media posts",
                                "rating": "False"}},
        body=[
            "The podcaster Joe Rogan said in an Instagram video on 1 September 2021 that he had tested positive for "
            "COVID-19 and had taken a range of treatments, including monoclonal antibodies, the antibiotic "
            "azithromycin, the steroid prednisone, ivermectin, an NAD drip and a vitamin drip, "
            "{r0:Business Insider reported}. He said he felt well a few days later.",
            "Posts sharing the video said ivermectin cures COVID-19. We checked what regulators have approved it for.",
            "Ivermectin, sold as Stromectol, was approved by the FDA in 1996 to treat infections caused by "
            "parasitic worms.",
            "The FDA has not approved ivermectin to prevent or treat COVID-19, and in 2021 it warned people not to "
            "take veterinary forms of the drug.",
            "“There is no good evidence yet that ivermectin helps people recover from COVID-19,” said " + WARD + ". "
            "“Some people are taking doses many times higher than the antiparasitic dose, and that is where "
            "poisonings happen.”",
            "An NAD drip, another item on Rogan's list, is not an approved treatment for COVID-19 either.",
            "<p class=\"update\"><strong>Update, 8 November 2021:</strong> The NFL quarterback Aaron Rodgers said "
            "on The Pat McAfee Show on 5 November 2021 that he had taken ivermectin, among other treatments, after "
            "testing positive for COVID-19, {r1:Sports Illustrated reported}. The regulatory position described "
            "above has not changed.</p>",
        ],
        attributions=[
            ("The podcaster Joe Rogan said in an Instagram video on 1 September 2021 that he had tested positive for COVID-19",
             "Joe Rogan", "celebrity"),
        ],
        claims=[
            ("Ivermectin, sold as Stromectol, was approved by the FDA in 1996 to treat infections caused by "
             "parasitic worms.", "consistent"),
            ("The FDA has not approved ivermectin to prevent or treat COVID-19", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2023/01/prince-harry-psychedelics-law",
        title="Prince Harry says psychedelics helped him with grief. What does the law say?",
        dek="Psilocybin and the active ingredient of ayahuasca are among the most tightly controlled drugs in "
            "both the UK and the US.",
        published="2023-01-12T08:00:00+00:00", author="Dana Whitcombe", kind="disputes",
        people=["Prince Harry"], substances=["psilocybin", "ayahuasca", "dmt"],
        reports=[R.HARRY_YAHOO, R.HARRY_CBS], tags=["psychedelics", "law"], extra={"section": "Health"},
        body=[
            "Prince Harry writes in his memoir Spare, published on 10 January 2023, that he used psychedelics and "
            "came to use them therapeutically. In an interview with Anderson Cooper for CBS's 60 Minutes, he said "
            "he would not recommend taking them recreationally, but that with the right people they could work "
            "like a medicine for someone living with loss, grief or trauma, {r0:Yahoo reported}. Reports of the "
            "memoir and the interview named ayahuasca and psilocybin among the psychedelics he had tried "
            "({r1:CBS News has highlights of the interview}).",
            "The law is strict in both countries he has lived in. In the UK, psilocybin and magic mushrooms are "
            "Class A drugs under the Misuse of Drugs Act 1971, as is DMT, the active ingredient of ayahuasca.",
            "In the United States, psilocybin and DMT are Schedule I controlled substances.",
            "Psilocybin has not been approved by the FDA for any use, although a psilocybin treatment for "
            "treatment-resistant depression received breakthrough therapy designation in 2018.",
            "“Grief that will not shift is real and common, and people deserve better options,” said " + RAMAN + ". "
            "“Trials of psilocybin given with therapy look promising, but an ayahuasca retreat is not a clinical "
            "trial.”",
        ],
        attributions=[
            ("that with the right people they could work like a medicine for someone living with loss, grief or trauma",
             "Prince Harry", "celebrity"),
        ],
        claims=[
            ("In the United States, psilocybin and DMT are Schedule I controlled substances.", "consistent"),
            ("Psilocybin has not been approved by the FDA for any use", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2021/06/fact-check-fda-psilocybin-depression",
        title="Fact check: the FDA has not approved psilocybin for depression",
        dek="A widely shared fan-blog post about Mike Tyson got the regulatory status of magic mushrooms wrong.",
        published="2021-06-10T12:00:00+00:00", author="Marcus Bell", kind="disputes",
        people=["Mike Tyson"], substances=["psilocybin"], reports=[R.TYSON_INDEPENDENT],
        tags=["psilocybin", "fact check"],
        extra={"section": "Fact Check",
               "claim_review": {"claim": "The FDA has approved psilocybin for depression.",
                                "author": "Sam's Star Diary", "rating": "False",
                                "appearance": "/starblog/2021/06/iron-mike-and-the-mushrooms.html"}},
        body=[
            "A post on the fan blog Sam's Star Diary, shared thousands of times, told readers that the FDA has "
            "approved psilocybin for depression. That is false.",
            "The post was about the former boxer Mike Tyson, who told Reuters in May 2021 that magic mushrooms had "
            "helped turn his life around, {r0:The Independent reported}.",
            "Psilocybin is a Schedule I controlled substance in the United States, and no psilocybin product has "
            "been approved by the FDA.",
            "In 2018 the FDA granted breakthrough therapy designation to COMP360, a psilocybin treatment for "
            "treatment-resistant depression. Breakthrough status speeds up development; it is not approval.",
            "Oregon voters chose to allow supervised psilocybin services in November 2020, but that is a state "
            "programme, not an FDA approval.",
            "“Microdosing posts often recommend 0.1 to 0.2 grams of dried mushrooms every few days, but mushrooms "
            "vary so much in strength that nobody knows what dose they are really taking,” said " + OKAFOR + ".",
        ],
        attributions=[
            ("who told Reuters in May 2021 that magic mushrooms had helped turn his life around",
             "Mike Tyson", "celebrity"),
            ("Microdosing posts often recommend 0.1 to 0.2 grams of dried mushrooms every few days",
             "Jane Okafor", "expert"),
        ],
        claims=[
            ("Psilocybin is a Schedule I controlled substance in the United States, and no psilocybin product has "
             "been approved by the FDA.", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2023/12/oprah-weight-loss-medication-wegovy-ozempic",
        title="Oprah Winfrey says she uses a weight-loss medication. What are Wegovy and Ozempic approved for?",
        dek="The same drug, semaglutide, is sold under two names with two different approvals.",
        published="2023-12-14T08:45:00+00:00", author="Dana Whitcombe", kind="disputes",
        people=["Oprah Winfrey", "Elon Musk", "Amy Schumer"], substances=["semaglutide"],
        reports=[R.OPRAH_DAILYBEAST, R.OPRAH_IHEART, R.MUSK_WEGOVY_INSIDER, R.SCHUMER_YAHOO],
        tags=["semaglutide", "weight loss"], extra={"section": "Health"},
        body=[
            "Oprah Winfrey told People magazine in an interview published on 13 December 2023 that she uses a "
            "prescribed weight-loss medication to help manage her weight, {r0:the Daily Beast reported}. She did "
            "not name the drug, and said she no longer felt she had to prove she could do it with willpower alone, "
            "{r1:iHeart reported}.",
            "She is one of several public figures who have talked about these drugs. Elon Musk credited fasting and "
            "Wegovy for his weight loss in October 2022, {r2:Insider reported}, and the comedian Amy Schumer said in "
            "June 2023 that she had tried Ozempic but stopped because it made her feel too sick, {r3:Yahoo "
            "reported}.",
            "Semaglutide is sold under two brand names for different purposes. Ozempic was approved by the FDA in "
            "December 2017 to treat type 2 diabetes. Wegovy, a higher-dose version of the same drug, was approved by "
            "the FDA in June 2021 for chronic weight management.",
            "Using Ozempic for weight loss alone is off label. Wegovy is injected once a week; the dose starts at "
            "0.25 mg and is raised every four weeks to a maintenance dose of 2.4 mg.",
            "“These are real medicines for a real disease, not cosmetics,” said " + LINDQVIST + ". “The common side "
            "effects are nausea, vomiting and diarrhoea, and weight tends to come back when people stop.”",
        ],
        attributions=[
            ("Oprah Winfrey told People magazine in an interview published on 13 December 2023 that she uses a prescribed weight-loss medication",
             "Oprah Winfrey", "celebrity"),
        ],
        claims=[
            ("Ozempic was approved by the FDA in December 2017 to treat type 2 diabetes.", "consistent"),
            ("Wegovy, a higher-dose version of the same drug, was approved by the FDA in June 2021 for chronic "
             "weight management.", "consistent"),
        ],
    ),
    Article(
        outlet="dailyglobe", slug="2020/05/trump-hydroxychloroquine",
        title="Trump says he is taking hydroxychloroquine as a preventive. Regulators urge caution",
        dek="The malaria and lupus drug is not approved for COVID-19, and the FDA has warned about heart risks.",
        published="2020-05-19T06:30:00+00:00", modified="2020-06-16T08:00:00+00:00", author="Marcus Bell",
        kind="disputes", people=["Donald Trump"], substances=["hydroxychloroquine"],
        reports=[R.TRUMP_HCQ_GUARDIAN, R.TRUMP_HCQ_NBC], tags=["hydroxychloroquine", "COVID-19"],
        extra={"section": "Politics"},
        body=[
            "President Donald Trump said at the White House on 18 May 2020 that he was taking hydroxychloroquine to "
            "ward off COVID-19, {r0:the Guardian reported}. He said he had been taking it for about a week and a "
            "half, {r1:NBC News reported}, and that he had tested negative for the virus and had no symptoms.",
            "Hydroxychloroquine, sold as Plaquenil, is approved by the FDA to prevent and treat malaria and to treat "
            "lupus and rheumatoid arthritis.",
            "It is not approved to prevent or treat COVID-19. In April 2020 the FDA cautioned against using it for "
            "COVID-19 outside a hospital or a clinical trial, because of the risk of serious heart rhythm problems.",
            "“Taking a pill every day for a week and a half is a real exposure to a drug that can affect the "
            "heart's rhythm,” said " + WARD + ". “We are running trials precisely because we do not yet know whether "
            "it works.”",
            "<p class=\"update\"><strong>Update, 16 June 2020:</strong> On 15 June the FDA revoked the emergency "
            "use authorisation that had allowed hydroxychloroquine to be used for some hospitalised COVID-19 "
            "patients.</p>",
        ],
        attributions=[
            ("President Donald Trump said at the White House on 18 May 2020 that he was taking hydroxychloroquine to ward off COVID-19",
             "Donald Trump", "celebrity"),
        ],
        claims=[
            ("Hydroxychloroquine, sold as Plaquenil, is approved by the FDA to prevent and treat malaria and to "
             "treat lupus and rheumatoid arthritis.", "consistent"),
            ("It is not approved to prevent or treat COVID-19.", "consistent"),
        ],
    ),
    # ------------------------------------------------------------------ Glow Wellness Magazine (repeats)
    Article(
        outlet="wellnessmag", slug="ketamine-the-new-wellness-reset",
        title="Is ketamine the new wellness reset? Why everyone is talking about it",
        dek="From Silicon Valley to spa weekends, the anaesthetic has a new image.",
        published="2024-04-02T14:00:00+00:00", author="Chloe Marchetti", kind="repeats",
        people=["Elon Musk"], substances=["ketamine", "esketamine"], reports=[R.MUSK_KETAMINE_NEWSWEEK],
        tags=["ketamine", "mental health", "trends"],
        extra={"section": "Mind",
               "pull_quote": "“I walked out of my first session feeling lighter than I had in years.”",
               "shop": "<ul><li>The weighted eye mask our editors swear by, $38</li>"
                       "<li>A journal for your integration notes, $22</li></ul>"},
        body=[
            "Ketamine has gone from party drug to wellness buzzword, and some very famous names are talking about "
            "it. Elon Musk said in a March 2024 interview with Don Lemon that he takes a small amount of prescribed "
            "ketamine every other week or so for low moods, {r0:Newsweek reported}.",
            "Fans of ketamine therapy say a single session can lift depression within hours. Many clinics now offer "
            "ketamine infusions to treat anxiety, and some say a course of six infusions can cure it for good.",
            "Ketamine is legal in the UK, so you can try it on a wellness break in London.",
            "Inhalable ketamine was approved by the FDA in 2020.",
            "“I walked out of my first session feeling lighter than I had in years,” says Mia, 34, a yoga teacher "
            "who asked us not to use her surname.",
            "A typical session is 0.5 mg/kg given over 40 minutes, and clinics usually recommend six sessions over "
            "two or three weeks. Ketamine may help with chronic pain too, although the research is still early.",
        ],
        claims=[
            ("Ketamine is legal in the UK, so you can try it on a wellness break in London.", "inconsistent",
             "/healthbuzz/is-ketamine-legal-in-the-uk.html"),
            ("Inhalable ketamine was approved by the FDA in 2020.", "partly_consistent",
             "/dailyglobe/2024/03/musk-ketamine-what-is-approved.html"),
            ("Many clinics now offer ketamine infusions to treat anxiety, and some say a course of six infusions "
             "can cure it for good.", "unapproved_use"),
        ],
    ),
    # ------------------------------------------------------------------ Renew Wellness Clinic (commercial)
    Article(
        outlet="renewclinic", slug="ketamine-infusion-therapy",
        title="Ketamine infusion therapy for depression and anxiety",
        dek="Fast relief, in a calm and private setting. Same-week appointments available.",
        published="2024-05-01T09:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        people=["Elon Musk"], substances=["ketamine", "esketamine"], reports=[R.MUSK_KETAMINE_NEWSWEEK],
        extra={"product": "Ketamine infusion therapy", "specialty": "Psychiatric",
               "offers": [("Initial consultation", 0.0), ("Single ketamine infusion", 450.0),
                          ("Six-infusion package", 2400.0), ("Spravato session (insurance may apply)", 890.0)],
               "testimonials": ["“After three infusions my anxiety was gone.” Jessica R.",
                                "“The staff made me feel safe from the first call.” Omar T."],
               "disclaimer": "Individual results vary. Ketamine infusion for depression or anxiety is an "
                             "off-label use."},
        body=[
            "Our clinic offers ketamine infusions to cure anxiety and depression, often within a single week.",
            "Each infusion is 0.5 mg/kg of ketamine over 40 minutes, given by a registered nurse while we monitor "
            "your heart rate and blood pressure. Most clients book a package of six infusions over three weeks.",
            "Spravato, a nasal spray form of esketamine, was approved by the FDA in March 2019 for "
            "treatment-resistant depression. We are a certified Spravato treatment centre, and patients stay with "
            "us for at least two hours after each dose.",
            "Ketamine infusions are completely safe when given by professionals.",
            "Public figures such as Elon Musk have spoken about using prescribed ketamine ({r0:Newsweek}). Renew "
            "Wellness Clinic has no connection with Mr Musk.",
        ],
        claims=[
            ("Our clinic offers ketamine infusions to cure anxiety and depression, often within a single week.",
             "unapproved_use"),
            ("Spravato, a nasal spray form of esketamine, was approved by the FDA in March 2019 for "
             "treatment-resistant depression.", "consistent"),
        ],
    ),
    # ------------------------------------------------------------------ Sam's Star Diary (fan blog)
    Article(
        outlet="starblog", slug="2021/06/iron-mike-and-the-mushrooms",
        title="Iron Mike and the mushrooms",
        dek="Mike Tyson says magic mushrooms turned his life around. Here's my take.",
        published="2021-06-02T20:30:00+00:00", author="Sam Trelawney", kind="repeats",
        people=["Mike Tyson"], substances=["psilocybin"], reports=[R.TYSON_INDEPENDENT],
        tags=["Mike Tyson", "psychedelics"],
        extra={"comments": [("Kelly_88", "Love this! My uncle swears by mushrooms."),
                            ("Dr_Skeptic", "Sam, the FDA has not approved psilocybin. Please check before you post.")]},
        body=[
            "Mike Tyson told Reuters last week that magic mushrooms helped turn his life around "
            "({r0:here's the Independent's write-up}), and honestly I am here for it.",
            "The FDA has approved psilocybin for depression, so it's basically medicine now.",
            "My cousin takes a microdose of 0.1 to 0.2 grams of dried mushrooms every three days and says her "
            "anxiety is gone. She says psilocybin rewires your brain in one trip.",
            "Mushrooms may help with addiction too, reportedly. I'm not a doctor, so do your own research!",
        ],
        attributions=[
            ("The FDA has approved psilocybin for depression, so it's basically medicine now.",
             "Sam Trelawney", "author"),
        ],
        claims=[
            ("The FDA has approved psilocybin for depression, so it's basically medicine now.", "inconsistent",
             "/dailyglobe/2021/06/fact-check-fda-psilocybin-depression.html"),
        ],
    ),
    # ------------------------------------------------------------------ HealthBuzz Daily (clickbait)
    Article(
        outlet="healthbuzz", slug="is-ketamine-legal-in-the-uk",
        title="Is ketamine legal in the UK? We asked an expert",
        dek="No. Here is what the law says, and why wellness sites keep getting it wrong.",
        published="2024-03-25T16:00:00+00:00", author="Jordan Pike", kind="disputes",
        people=["Elon Musk"], substances=["ketamine", "esketamine"], reports=[R.MUSK_KETAMINE_DAILYMAIL],
        body=[
            "Since Elon Musk said in a US interview this month that he has a prescription for ketamine "
            "({r0:the Daily Mail has the details}), readers have been asking us whether they can get it here.",
            "No. Ketamine has been a Class B drug in the UK since June 2014, when it was moved up from Class C.",
            "Possession of a Class B drug can bring up to five years in prison, and supply up to 14 years.",
            "Doctors can still use ketamine as an anaesthetic. NICE, which advises the NHS in England, did not "
            "recommend esketamine nasal spray for depression in its final guidance in December 2022.",
            "“Claims online that ketamine is legal in the UK are simply wrong,” said " + RAMAN + ". “A doctor "
            "using a controlled drug in hospital is not the same as it being legal to buy.”",
        ],
        claims=[
            ("Ketamine has been a Class B drug in the UK since June 2014, when it was moved up from Class C.",
             "consistent"),
        ],
    ),
    # ------------------------------------------------------------------ Glow Wellness Magazine, continued
    Article(
        outlet="wellnessmag", slug="plant-medicine-101-ayahuasca",
        title="Plant medicine 101: why ayahuasca is having a moment",
        dek="A quarterback, an actor and a prince have all talked about it. Here is what the ceremony involves.",
        published="2023-02-01T10:00:00+00:00", author="Ivy Larkin", kind="repeats",
        people=["Aaron Rodgers", "Will Smith", "Prince Harry"], substances=["ayahuasca", "dmt"],
        reports=[R.RODGERS_AYAHUASCA_USATODAY, R.SMITH_DAILYMAIL, R.HARRY_YAHOO],
        tags=["ayahuasca", "psychedelics", "celebrity"],
        extra={"section": "Mind",
               "pull_quote": "“Grandmother ayahuasca shows you what you need to see, not what you want to see.”"},
        body=[
            "The quarterback Aaron Rodgers said on Aubrey Marcus's podcast in 2022 that he did not think it was a "
            "coincidence that his back-to-back MVP seasons followed an ayahuasca retreat in Peru, "
            "{r0:USA Today reported}.",
            "Will Smith told Oprah Winfrey in 2021 that he drank ayahuasca more than a dozen times during a retreat "
            "in Peru, {r1:the Daily Mail reported}. And Prince Harry said in January that psychedelics, including "
            "ayahuasca, helped him cope with grief, {r2:Yahoo reported}.",
            "Ayahuasca heals trauma, devotees say, and one ceremony can do the work of years of therapy.",
            "The brew is made from the Banisteriopsis caapi vine and leaves that contain DMT. It may help with "
            "depression and addiction, although most of the research so far is small.",
            "“Grandmother ayahuasca shows you what you need to see, not what you want to see,” says Luz Andrade, a "
            "facilitator who runs retreats near Iquitos. A typical retreat has three ceremonies over a week.",
        ],
        attributions=[
            ("Will Smith told Oprah Winfrey in 2021 that he drank ayahuasca more than a dozen times",
             "Will Smith", "celebrity"),
        ],
        claims=[
            ("Ayahuasca heals trauma, devotees say, and one ceremony can do the work of years of therapy.",
             "unapproved_use"),
        ],
    ),
    Article(
        outlet="wellnessmag", slug="the-weight-loss-jab-everyone-is-asking-about",
        title="The weight-loss jab everyone is asking about",
        dek="Semaglutide has gone from diabetes clinics to red carpets. Here's the lowdown.",
        published="2023-12-20T12:00:00+00:00", author="Chloe Marchetti", kind="repeats",
        people=["Oprah Winfrey", "Elon Musk"], substances=["semaglutide"],
        reports=[R.OPRAH_DAILYBEAST, R.MUSK_WEGOVY_INSIDER], tags=["semaglutide", "weight loss"],
        extra={"section": "Wellness",
               "shop": "<ul><li>The chic insulated pen case we love, $29</li><li>Protein-packed snack box, $45</li></ul>"},
        body=[
            "When Oprah Winfrey told People this month that she uses a weight-loss medication, she joined a growing "
            "list of famous names who are open about it, {r0:the Daily Beast reported}. Elon Musk tweeted in 2022 "
            "that fasting and Wegovy were behind his weight loss, {r1:Insider reported}.",
            "Ozempic was approved by the FDA in 2021 for weight loss.",
            "Semaglutide melts fat in weeks, and you can keep the weight off after you stop.",
            "Most people start on 0.25 mg once a week. Compounded semaglutide from online med spas costs a fraction "
            "of the brand price, so it's worth shopping around.",
            "“I finally stopped thinking about food all day,” says Nina, 41, a reader from Leeds who started in "
            "the spring.",
        ],
        claims=[
            ("Ozempic was approved by the FDA in 2021 for weight loss.", "partly_consistent",
             "/dailyglobe/2023/12/oprah-weight-loss-medication-wegovy-ozempic.html"),
            ("Semaglutide melts fat in weeks, and you can keep the weight off after you stop.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="wellnessmag", slug="nad-plus-drips-longevity-trend",
        title="NAD+ drips: inside the longevity trend",
        dek="The IV bag is the new green juice. We look at what's in it.",
        published="2024-02-14T09:00:00+00:00", author="Ivy Larkin", kind="repeats",
        people=["Joe Rogan"], substances=["nad+", "vitamin c"], reports=[R.ROGAN_IVERMECTIN_THEWEEK],
        tags=["NAD+", "longevity"], extra={"section": "Wellness"},
        body=[
            "Joe Rogan listed an NAD drip among the treatments he had after testing positive for COVID-19 in 2021, "
            "{r0:The Week reported}, and the drips have since become a fixture of longevity clinics.",
            "NAD+ drips reverse ageing by recharging your cells.",
            "A standard drip is 500 mg of NAD+ given over two to four hours. NAD+ may improve energy and focus, "
            "fans say, and many clinics add high-dose vitamin C to boost the immune system.",
            "“Clients tell us they feel ten years younger after a course,” says Dr Renee Soto, medical director of "
            "Renew Wellness Clinic.",
        ],
        claims=[
            ("NAD+ drips reverse ageing by recharging your cells.", "not_covered"),
        ],
    ),
    Article(
        outlet="wellnessmag", slug="martha-stewart-cbd-and-the-calm-craze",
        title="Martha Stewart's CBD line and the calm craze",
        dek="Gummies, oils and soft gels: CBD has gone mainstream.",
        published="2020-11-02T11:00:00+00:00", author="Chloe Marchetti", kind="repeats",
        people=["Martha Stewart"], substances=["cannabidiol", "cannabis"],
        reports=[R.STEWART_YAHOO_FINANCE, R.STEWART_WEEDMAPS_AP], tags=["CBD"], extra={"section": "Wellness"},
        body=[
            "Martha Stewart's line of CBD gummies, soft gels and oil drops, made with the cannabis company Canopy "
            "Growth, went on sale in 2020, {r0:Yahoo Finance reported}. In a statement she said she had found CBD "
            "supplements a simple way to support her own wellness and to manage everyday stress. She had joined "
            "Canopy Growth as an adviser in February 2019, {r1:the Associated Press reported}.",
            "CBD calms anxiety and helps you sleep, and it is gentle enough to take every day.",
            "The only FDA-approved CBD medicine, Epidiolex, was approved in June 2018 to treat seizures in two rare "
            "forms of epilepsy.",
            "A typical gummy contains 10 to 25 mg of CBD. CBD may even ease stiff joints in older dogs, some pet "
            "owners say.",
        ],
        claims=[
            ("CBD calms anxiety and helps you sleep, and it is gentle enough to take every day.", "unapproved_use"),
            ("The only FDA-approved CBD medicine, Epidiolex, was approved in June 2018 to treat seizures in two "
             "rare forms of epilepsy.", "consistent"),
        ],
    ),
    Article(
        outlet="wellnessmag", slug="mdma-therapy-is-coming",
        title="MDMA therapy is coming. Here's what to know",
        dek="After decades of research, a psychedelic-assisted therapy is up for a decision.",
        published="2024-06-20T08:00:00+00:00", author="Ivy Larkin", kind="repeats",
        substances=["mdma"], tags=["MDMA", "PTSD"], extra={"section": "Mind"},
        body=[
            "MDMA-assisted therapy will be approved by the FDA for PTSD this summer, and clinics are already "
            "training therapists.",
            "MDMA heals PTSD in as few as three sessions.",
            "In the trials, patients took an initial dose of 80 or 120 mg of MDMA in each of three sessions, with "
            "two therapists present.",
            "Australia has allowed authorised psychiatrists to prescribe MDMA for PTSD since July 2023.",
            "“It's like ten years of therapy in one afternoon,” says Jonah Reed, a trauma coach in Denver.",
        ],
        claims=[
            ("MDMA-assisted therapy will be approved by the FDA for PTSD this summer, and clinics are already "
             "training therapists.", "inconsistent", "/dailyglobe/2024/08/fda-declines-mdma-therapy.html"),
            ("MDMA heals PTSD in as few as three sessions.", "unapproved_use"),
        ],
    ),
    # ------------------------------------------------------------------ Renew Wellness Clinic, continued
    Article(
        outlet="renewclinic", slug="nad-and-vitamin-iv-drip-lounge",
        title="NAD+ and vitamin IV drip lounge",
        dek="Recharge in 45 minutes. Walk-ins welcome.",
        published="2024-03-10T09:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        people=["Joe Rogan"], substances=["nad+", "vitamin c", "vitamin d"], reports=[R.ROGAN_IVERMECTIN_THEWEEK],
        extra={"product": "IV drip therapy", "specialty": "Integrative",
               "offers": [("NAD+ 250 mg drip", 295.0), ("NAD+ 500 mg drip", 495.0),
                          ("Immunity Blast (high-dose vitamin C)", 199.0), ("Vitamin D3 booster shot", 45.0)],
               "testimonials": ["“I feel ten years younger.” Dana K.", "“Better than three espressos.” Luis P."],
               "disclaimer": "These statements have not been evaluated by the Food and Drug Administration. "
                             "IV therapy is not intended to diagnose, treat, cure or prevent any disease."},
        body=[
            "NAD+ drips reverse ageing at the cellular level.",
            "Our Immunity Blast delivers 25 grams of high-dose vitamin C straight into your bloodstream to prevent "
            "colds and flu.",
            "Add a vitamin D3 booster injection of 100,000 IU for winter energy. NAD+ may sharpen focus and improve "
            "energy within a day.",
            "The podcaster Joe Rogan has said he had an NAD drip while recovering from COVID-19 "
            "({r0:The Week}). Renew Wellness Clinic has no connection with Mr Rogan.",
        ],
        claims=[
            ("NAD+ drips reverse ageing at the cellular level.", "not_covered"),
            ("Our Immunity Blast delivers 25 grams of high-dose vitamin C straight into your bloodstream to prevent "
             "colds and flu.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="renewclinic", slug="medical-weight-loss-semaglutide",
        title="Medical weight loss with semaglutide",
        dek="Doctor-led programmes with weekly injections. No waiting list.",
        published="2024-01-15T09:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        people=["Oprah Winfrey"], substances=["semaglutide"], reports=[R.OPRAH_DAILYBEAST],
        extra={"product": "Semaglutide weight-loss programme", "specialty": "Endocrinology",
               "offers": [("Weight-loss consultation", 99.0), ("Monthly programme, compounded semaglutide", 349.0),
                          ("Monthly programme, brand-name Wegovy", 1349.0)],
               "testimonials": ["“Down 40 pounds and I finally have energy.” Priya S."]},
        body=[
            "Wegovy was approved by the FDA in June 2021 for chronic weight management.",
            "Our compounded semaglutide is the same as Ozempic at a third of the price.",
            "Patients lose 15% of their body weight in 12 weeks.",
            "We start at 0.25 mg once a week and increase the dose every four weeks up to 2.4 mg, with a check-in "
            "call from our nurse before every step.",
            "Oprah Winfrey has said she uses a weight-loss medication ({r0:the Daily Beast}). Renew Wellness Clinic "
            "has no connection with Ms Winfrey.",
        ],
        claims=[
            ("Wegovy was approved by the FDA in June 2021 for chronic weight management.", "consistent"),
            ("Patients lose 15% of their body weight in 12 weeks.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="renewclinic", slug="mens-vitality-testosterone-hgh",
        title="Men's vitality: testosterone and HGH therapy",
        dek="Get your edge back. Bloodwork and a plan in one visit.",
        published="2024-02-01T09:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        substances=["testosterone", "somatropin"],
        extra={"product": "Men's hormone optimisation", "specialty": "Endocrinology",
               "offers": [("Hormone blood panel", 149.0), ("TRT monthly membership", 199.0),
                          ("HGH programme, monthly", 899.0)],
               "testimonials": ["“I feel like I'm 30 again.” Mark D."]},
        body=[
            "Testosterone replacement therapy restores energy, muscle and libido in every man over 40.",
            "HGH injections reverse ageing and melt belly fat.",
            "Testosterone is approved by the FDA for men with low testosterone caused by medical conditions, such "
            "as problems with the testicles or the pituitary gland.",
            "A typical protocol is 100 to 200 mg of testosterone cypionate every two weeks. HGH dosing usually "
            "starts at 0.2 mg a day.",
        ],
        claims=[
            ("Testosterone replacement therapy restores energy, muscle and libido in every man over 40.",
             "unapproved_use"),
            ("HGH injections reverse ageing and melt belly fat.", "unapproved_use"),
            ("Testosterone is approved by the FDA for men with low testosterone caused by medical conditions, such "
             "as problems with the testicles or the pituitary gland.", "consistent"),
        ],
    ),
    Article(
        outlet="renewclinic", slug="psilocybin-retreat-weekends",
        title="Psilocybin retreat weekends (partner programme)",
        dek="Guided ceremonies with our partner retreat outside the United States.",
        published="2024-04-20T09:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        people=["Mike Tyson"], substances=["psilocybin"], reports=[R.TYSON_INDEPENDENT],
        extra={"product": "Psilocybin retreat weekend", "specialty": "Integrative",
               "offers": [("Microdosing starter consultation", 150.0), ("Retreat weekend, shared room", 3200.0),
                          ("Retreat weekend, private villa", 5400.0)],
               "testimonials": ["“One weekend did more than ten years of pills.” Anna B."]},
        body=[
            "Psilocybin cures depression and PTSD in one weekend.",
            "Our guides start with a microdose of 0.1 to 0.2 grams of dried mushrooms, and the main ceremony dose "
            "is 3 to 5 grams.",
            "The FDA has named psilocybin a breakthrough therapy, and approval is just around the corner.",
            "Mike Tyson has said that magic mushrooms turned his life around ({r0:The Independent}). Renew "
            "Wellness Clinic has no connection with Mr Tyson.",
        ],
        claims=[
            ("Psilocybin cures depression and PTSD in one weekend.", "unapproved_use"),
        ],
    ),
    # ------------------------------------------------------------------ Sam's Star Diary, continued
    Article(
        outlet="starblog", slug="2021/11/rodgers-rogan-ivermectin-protocol",
        title="Rodgers, Rogan and the ivermectin protocol",
        dek="Aaron Rodgers says he took Joe Rogan's advice. I went down the rabbit hole.",
        published="2021-11-06T21:00:00+00:00", author="Sam Trelawney", kind="repeats",
        people=["Aaron Rodgers", "Joe Rogan"],
        substances=["ivermectin", "hydroxychloroquine", "vitamin c", "vitamin d"],
        reports=[R.RODGERS_IVERMECTIN_SI, R.RODGERS_IVERMECTIN_WAPO, R.ROGAN_IVERMECTIN_BI],
        tags=["Aaron Rodgers", "Joe Rogan", "COVID-19"],
        extra={"comments": [("GoPackGo12", "He looked fine on Sunday, so..."),
                            ("NurseMeg", "Please don't take ivermectin for COVID. It isn't approved for that.")]},
        body=[
            "Aaron Rodgers said on The Pat McAfee Show yesterday that he had taken monoclonal antibodies, "
            "ivermectin, zinc, vitamin C, vitamin D and hydroxychloroquine after testing positive for COVID-19, and that "
            "he had asked Joe Rogan for advice ({r0:Sports Illustrated}, {r1:the Washington Post}). Rogan said in "
            "September that he took ivermectin when he had COVID ({r2:Business Insider}).",
            "Ivermectin cures COVID-19, and the media just won't admit it.",
            "Hydroxychloroquine prevents COVID-19 if you take it early. Vitamin D protects you from COVID-19 too.",
            "I'm not a doctor, obviously. He says he feels great, and that's good enough for me.",
        ],
        attributions=[
            ("Aaron Rodgers said on The Pat McAfee Show yesterday that he had taken monoclonal antibodies",
             "Aaron Rodgers", "celebrity"),
        ],
        claims=[
            ("Ivermectin cures COVID-19, and the media just won't admit it.", "unapproved_use"),
            ("Hydroxychloroquine prevents COVID-19 if you take it early.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="starblog", slug="2022/11/how-elon-dropped-30-pounds",
        title="How Elon dropped 30 pounds",
        dek="Fasting, and a certain weekly injection.",
        published="2022-11-18T19:00:00+00:00", author="Sam Trelawney", kind="repeats",
        people=["Elon Musk"], substances=["semaglutide"], reports=[R.MUSK_WEGOVY_DNA, R.MUSK_WEGOVY_INSIDER],
        tags=["Elon Musk", "weight loss"],
        extra={"comments": [("techbro99", "If it works for Elon it works for me."),
                            ("LinaP", "My mum takes Ozempic for diabetes and can't find it anywhere now.")]},
        body=[
            "Elon Musk tweeted this week that he is down 30 pounds, and when a fan asked what made the difference "
            "he credited fasting and Ozempic/Wegovy ({r0:DNA India has the tweets}). Back in October he had "
            "already credited fasting and Wegovy ({r1:Insider}).",
            "Ozempic was approved by the FDA for weight loss in 2017, so anyone can ask their doctor for it.",
            "Semaglutide is basically a miracle drug with no side effects.",
            "The starting dose is 0.25 mg a week, and he says no tasty food nearby helps too.",
        ],
        claims=[
            ("Ozempic was approved by the FDA for weight loss in 2017, so anyone can ask their doctor for it.",
             "partly_consistent", "/dailyglobe/2023/12/oprah-weight-loss-medication-wegovy-ozempic.html"),
            ("Semaglutide is basically a miracle drug with no side effects.", "inconsistent",
             "/dailyglobe/2023/12/oprah-weight-loss-medication-wegovy-ozempic.html"),
        ],
    ),
    Article(
        outlet="starblog", slug="2021/11/will-smith-ayahuasca-and-me",
        title="Will Smith, ayahuasca and me",
        dek="The Fresh Prince went to Peru. I went to a weekend ceremony.",
        published="2021-11-09T18:00:00+00:00", author="Sam Trelawney", kind="repeats",
        people=["Will Smith"], substances=["ayahuasca", "dmt"], reports=[R.SMITH_DAILYMAIL, R.SMITH_HIGHTIMES],
        tags=["Will Smith", "ayahuasca"],
        extra={"comments": [("Freshest", "He writes about it in the book too, it's wild."),
                            ("Careful_Carl", "People have died at these retreats. Be careful, Sam.")]},
        body=[
            "Will Smith told Oprah Winfrey that he drank ayahuasca more than a dozen times during a retreat in Peru "
            "({r0:the Daily Mail}), and his memoir Will describes his experiences there ({r1:High Times has a "
            "summary}).",
            "Ayahuasca cures depression, full stop. I booked a weekend ceremony and I came home reborn.",
            "DMT, the active ingredient, is a Schedule I drug in the US, so don't try brewing it at home.",
        ],
        claims=[
            ("Ayahuasca cures depression, full stop.", "unapproved_use"),
            ("DMT, the active ingredient, is a Schedule I drug in the US, so don't try brewing it at home.",
             "consistent"),
        ],
    ),
    Article(
        outlet="starblog", slug="2023/03/stallone-hgh-fountain-of-youth",
        title="Stallone, HGH and the fountain of youth",
        dek="A look back at the 2007 Sydney airport story, and what action stars take now.",
        published="2023-03-01T20:00:00+00:00", author="Sam Trelawney", kind="repeats",
        people=["Sylvester Stallone"], substances=["somatropin", "testosterone"],
        reports=[R.STALLONE_GUARDIAN, R.STALLONE_REUTERS], tags=["Sylvester Stallone", "HGH"],
        extra={"comments": [("RockyFan76", "He still looks amazing."),
                            ("GymRat", "HGH for anti-ageing isn't even legal to sell in the US.")]},
        body=[
            "Back in 2007, Sylvester Stallone was fined by a court in Sydney after customs officers found 48 vials "
            "of the human growth hormone product Jintropin in his luggage, and he was also convicted of failing to "
            "declare vials of testosterone ({r0:the Guardian}). The court heard that the testosterone had been "
            "prescribed, and he pleaded guilty to both charges ({r1:Reuters}).",
            "HGH reverses ageing, which is why action stars look so good at 60.",
            "Testosterone replacement therapy is approved by the FDA for men with medically low testosterone. "
            "Growth hormone may help you burn fat as well, apparently.",
        ],
        claims=[
            ("HGH reverses ageing, which is why action stars look so good at 60.", "unapproved_use"),
        ],
    ),
    # ------------------------------------------------------------------ WellWire Newswire (press releases)
    Article(
        outlet="wellwire", slug="2024/03/acds-warns-unsupervised-ketamine",
        title="Council warns against unsupervised ketamine use as celebrity interest grows",
        dek="The Allied Council on Drug Safety sets out what is, and is not, approved.",
        published="2024-03-20T07:00:00+00:00", author="Allied Council on Drug Safety", kind="disputes",
        people=["Elon Musk", "Matthew Perry"], substances=["ketamine", "esketamine"],
        reports=[R.MUSK_KETAMINE_NEWSWEEK, R.PERRY_RNZ_BBC],
        extra={"organisation": "Allied Council on Drug Safety", "dateline": "LONDON", "category": "Health policy",
               "about_org": "The Allied Council on Drug Safety is a fictional non-profit council of pharmacists and "
                            "physicians created for the healthclaims demo corpus.",
               "contact": "Hannah Osei, communications"},
        body=[
            "The Allied Council on Drug Safety today warned against the unsupervised use of ketamine, after Elon "
            "Musk said in a widely reported interview that he takes prescribed ketamine ({r0:Newsweek}).",
            "Ketamine is not approved by the FDA for depression. The only ketamine-based medicine approved for "
            "depression, Spravato (esketamine), must be used in a certified healthcare setting with at least two "
            "hours of monitoring.",
            "Ketamine is a Class B drug in the UK and a Schedule III controlled substance in the United States.",
            "The Council noted that in December 2023 the Los Angeles County medical examiner found that the actor "
            "Matthew Perry died from the acute effects of ketamine ({r1:RNZ and the BBC}).",
            "“High-profile comments can make ketamine sound like a lifestyle product,” said Professor Tomás Reyes, "
            "chair of the Council's scientific committee. “It is a powerful anaesthetic and it deserves respect.”",
        ],
        attributions=[
            ("High-profile comments can make ketamine sound like a lifestyle product",
             "Tomás Reyes", "expert"),
        ],
        claims=[
            ("Ketamine is a Class B drug in the UK and a Schedule III controlled substance in the United States.",
             "consistent"),
        ],
    ),
    Article(
        outlet="wellwire", slug="2024/02/renew-opens-tenth-nad-lounge",
        title="Renew Wellness Clinic opens its tenth NAD+ drip lounge",
        dek="The longevity chain expands as demand for IV therapy grows.",
        published="2024-02-20T13:00:00+00:00", author="Renew Wellness Clinic", kind="repeats",
        substances=["nad+", "vitamin c"],
        extra={"organisation": "Renew Wellness Clinic", "dateline": "SPRINGFIELD", "category": "Business",
               "about_org": "Renew Wellness Clinic is a fictional clinic chain created for the healthclaims demo "
                            "corpus.",
               "contact": "Renew press office"},
        body=[
            "Renew Wellness Clinic today opened its tenth NAD+ drip lounge.",
            "“NAD+ drips reverse ageing at the source,” said Dr Renee Soto, founder and medical director. “Our "
            "clients come for the energy and stay for the results.”",
            "The lounges offer 250 mg and 500 mg NAD+ infusions and high-dose vitamin C, which the company says "
            "strengthens immunity.",
        ],
        attributions=[
            ("NAD+ drips reverse ageing at the source",
             "Renee Soto", "expert"),
        ],
        claims=[
            ("NAD+ drips reverse ageing at the source", "not_covered"),
        ],
    ),
    Article(
        outlet="wellwire", slug="2024/05/mind-horizons-veterans-retreats",
        title="Mind Horizons launches psilocybin and ayahuasca retreats for veterans",
        dek="The retreat company opens bookings for a new programme abroad.",
        published="2024-05-02T08:00:00+00:00", author="Mind Horizons Retreats", kind="repeats",
        substances=["psilocybin", "ayahuasca"],
        extra={"organisation": "Mind Horizons Retreats", "dateline": "AUSTIN, Texas", "category": "Wellness",
               "about_org": "Mind Horizons Retreats is a fictional retreat company created for the healthclaims "
                            "demo corpus.",
               "contact": "Mind Horizons media team"},
        body=[
            "Mind Horizons Retreats today opened bookings for its first programme for military veterans.",
            "Psilocybin heals PTSD, and ayahuasca ceremonies treat addiction at the root, the company said.",
            "The programme includes two ceremonies with 3.5 grams of dried psilocybin mushrooms and one ayahuasca "
            "ceremony, held outside the United States.",
            "“Veterans have waited long enough,” said Cole Brandt, the company's founder.",
        ],
        claims=[
            ("Psilocybin heals PTSD, and ayahuasca ceremonies treat addiction at the root, the company said.",
             "unapproved_use"),
        ],
    ),
    Article(
        outlet="wellwire", slug="2024/08/acds-compounded-semaglutide-warning",
        title="Council warns over compounded semaglutide sold online",
        dek="Unapproved copies and dosing errors put people at risk, the Council says.",
        published="2024-08-05T07:00:00+00:00", author="Allied Council on Drug Safety", kind="disputes",
        substances=["semaglutide"],
        extra={"organisation": "Allied Council on Drug Safety", "dateline": "LONDON", "category": "Health policy",
               "about_org": "The Allied Council on Drug Safety is a fictional non-profit council of pharmacists and "
                            "physicians created for the healthclaims demo corpus.",
               "contact": "Hannah Osei, communications"},
        body=[
            "The Allied Council on Drug Safety today warned people not to buy compounded semaglutide from online "
            "sellers that promise the same results as brand-name medicines.",
            "Wegovy was approved by the FDA in June 2021 for chronic weight management, and Ozempic was approved "
            "in December 2017 for type 2 diabetes.",
            "Compounded semaglutide products are not FDA-approved, and the FDA has received reports of people "
            "taking too much because of dosing errors.",
            "“Semaglutide does not melt fat without changes to diet, and it is not a cosmetic,” said Dr Hannah "
            "Osei, the Council's medical director.",
        ],
        claims=[
            ("Wegovy was approved by the FDA in June 2021 for chronic weight management, and Ozempic was approved "
             "in December 2017 for type 2 diabetes.", "consistent"),
        ],
    ),
    # ------------------------------------------------------------------ HealthBuzz Daily, continued
    Article(
        outlet="healthbuzz", slug="stars-who-say-psychedelics-changed-their-lives",
        title="Stars who say psychedelics changed their lives",
        dek="A prince, a quarterback, a boxer and an actor.",
        published="2023-03-08T15:00:00+00:00", author="Jordan Pike", kind="repeats",
        people=["Prince Harry", "Aaron Rodgers", "Mike Tyson", "Will Smith"],
        substances=["psilocybin", "ayahuasca"],
        reports=[R.HARRY_YAHOO, R.RODGERS_AYAHUASCA_USATODAY, R.TYSON_INDEPENDENT, R.SMITH_DAILYMAIL],
        body=[
            "Prince Harry said in January that psychedelics helped him deal with grief ({r0:Yahoo}).",
            "Aaron Rodgers has credited an ayahuasca retreat in Peru in part for his MVP seasons "
            "({r1:USA Today}).",
            "Mike Tyson told Reuters in 2021 that magic mushrooms helped turn his life around "
            "({r2:The Independent}).",
            "Will Smith has said he drank ayahuasca more than a dozen times during a retreat in Peru "
            "({r3:the Daily Mail}).",
            "Psychedelics heal trauma, and science is finally catching up. Psilocybin may help with depression, "
            "early studies suggest.",
        ],
        claims=[
            ("Psychedelics heal trauma, and science is finally catching up.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="healthbuzz", slug="joe-rogan-covid-every-drug-he-took",
        title="Joe Rogan has COVID: every drug he says he took",
        dek="Monoclonal antibodies, ivermectin, an NAD drip and more.",
        published="2021-09-02T17:00:00+00:00", author="Jordan Pike", kind="repeats",
        people=["Joe Rogan"], substances=["ivermectin", "nad+"],
        reports=[R.ROGAN_IVERMECTIN_BI, R.ROGAN_IVERMECTIN_THEWEEK],
        body=[
            "Joe Rogan said in an Instagram video that he tested positive for COVID-19 and took monoclonal "
            "antibodies, ivermectin, a Z-Pak, prednisone, an NAD drip and a vitamin drip ({r0:Business Insider}, "
            "{r1:The Week}).",
            "Ivermectin may help fight COVID-19, some doctors say.",
            "An NAD drip boosts your immune system, and a vitamin drip speeds recovery.",
            "He said he felt great within days.",
        ],
        claims=[
            ("Ivermectin may help fight COVID-19, some doctors say.", "unapproved_use"),
            ("An NAD drip boosts your immune system, and a vitamin drip speeds recovery.", "not_covered"),
        ],
    ),
    Article(
        outlet="healthbuzz", slug="amy-schumer-quit-ozempic",
        title="Amy Schumer says she quit Ozempic because it made her sick",
        dek="And she has a message for stars who won't admit they're on it.",
        published="2023-06-09T18:00:00+00:00", author="Jordan Pike", kind="repeats",
        people=["Amy Schumer", "Chelsea Handler"], substances=["semaglutide"],
        reports=[R.SCHUMER_YAHOO, R.HANDLER_FOXNEWS, R.HANDLER_YAHOO],
        body=[
            "Amy Schumer said on Watch What Happens Live on 8 June 2023 that she tried Ozempic about a year earlier "
            "but stopped because it made her feel too ill to play with her son ({r0:Yahoo}).",
            "Chelsea Handler has said that her anti-ageing doctor gave her Ozempic without her realising it, and "
            "that she would not take it any more ({r1:Fox News}, {r2:Yahoo}).",
            "Ozempic got FDA approval for weight loss in 2021, which is why Hollywood can't get enough of it.",
            "Side effects may include nausea, vomiting and diarrhoea.",
        ],
        attributions=[
            ("Amy Schumer said on Watch What Happens Live on 8 June 2023 that she tried Ozempic about a year earlier",
             "Amy Schumer", "celebrity"),
            ("Chelsea Handler has said that her anti-ageing doctor gave her Ozempic without her realising it",
             "Chelsea Handler", "celebrity"),
        ],
        claims=[
            ("Ozempic got FDA approval for weight loss in 2021, which is why Hollywood can't get enough of it.",
             "partly_consistent", "/dailyglobe/2023/12/oprah-weight-loss-medication-wegovy-ozempic.html"),
        ],
    ),
    Article(
        outlet="healthbuzz", slug="vitamin-d-megadoses-covid",
        title="Vitamin D megadoses won't stop COVID, experts say",
        dek="Posts promising protection are spreading. Here's what the evidence shows.",
        published="2021-01-10T12:00:00+00:00", author="Jordan Pike", kind="disputes",
        substances=["vitamin d"],
        body=[
            "Posts claiming that vitamin D prevents COVID-19 have been shared widely this winter.",
            "There is no good evidence that vitamin D prevents COVID-19 or makes it milder. NICE advised in "
            "December 2020 that there was not enough evidence to recommend vitamin D solely to prevent or treat "
            "COVID-19.",
            "Adults in the UK are advised to consider taking 10 micrograms of vitamin D a day in autumn and winter.",
            "“Very high doses, such as 50,000 IU a day for weeks, can push calcium to dangerous levels,” said "
            + ACHEBE + ".",
        ],
        attributions=[
            ("Very high doses, such as 50,000 IU a day for weeks, can push calcium to dangerous levels",
             "Helen Achebe", "expert"),
        ],
        claims=[
            ("Posts claiming that vitamin D prevents COVID-19 have been shared widely this winter.", "unapproved_use"),
        ],
    ),
    Article(
        outlet="healthbuzz", slug="martha-stewart-cbd-what-it-can-do",
        title="Martha Stewart's CBD line: what CBD can (and can't) do",
        dek="Everything you need to know before you buy.",
        published="2020-10-26T14:00:00+00:00", author="Jordan Pike", kind="repeats",
        people=["Martha Stewart"], substances=["cannabidiol"],
        reports=[R.STEWART_YAHOO_FINANCE, R.STEWART_WEEDMAPS_AP],
        body=[
            "Martha Stewart's CBD line with Canopy Growth went on sale in 2020 ({r0:Yahoo Finance}); she had "
            "signed on as an adviser to the company in February 2019 ({r1:the Associated Press}).",
            "CBD melts away stress after a long day.",
            "CBD may help you sleep, and some fans say CBD cures insomnia.",
            "Epidiolex, a prescription CBD medicine, was approved by the FDA in June 2018 for two rare forms of "
            "epilepsy.",
        ],
        claims=[
            ("CBD may help you sleep, and some fans say CBD cures insomnia.", "unapproved_use"),
            ("Epidiolex, a prescription CBD medicine, was approved by the FDA in June 2018 for two rare forms of "
             "epilepsy.", "consistent"),
        ],
    ),
]


def syndicated_copy(original: Article, outlet: str, slug: str, hours_later: int) -> Article:
    """A republished copy of a story on another outlet, pointing back with rel=canonical.

    Real sites do this with wire and partner stories; the crawler should recognise the copy as another
    appearance of the original rather than store the same claims twice. The words are the same; the
    syndication note sits in the byline, outside the story text.
    """
    published = original.published_at + timedelta(hours=hours_later)
    source = OUTLETS[original.outlet].name
    return replace(
        original, outlet=outlet, slug=slug, published=published.isoformat(), modified="",
        author=f"{original.author} ({source})", claims=[], attributions=[],
        extra={**original.extra, "canonical_path": original.path,
               "syndication_note": f"This story first appeared in {source} and is republished with permission."},
    )


ARTICLES.append(syndicated_copy(ARTICLES[1], "healthbuzz", "wire/matthew-perry-ketamine-medical-examiner", 3))
