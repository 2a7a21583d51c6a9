"""Real news reports of real people's public statements, which demo pages describe and link.

Each was found and read (through the project's search tool) before use; pages describe what it reports in
indirect speech and never put invented words in a real person's mouth.
"""

from __future__ import annotations

from demo_corpus.model import Report

MUSK_KETAMINE_NEWSWEEK = Report(
    "http://europe.newsweek.com/elon-musk-ketamine-depression-don-lemon-show-interview-twitter-x-1879114",
    "Newsweek", "Elon Musk's ketamine use, and his March 2024 interview with Don Lemon (March 2024)")
MUSK_KETAMINE_DAILYMAIL = Report(
    "https://www.dailymail.co.uk/news/article-13209729/don-lemon-elon-musk-interview-depression-ketamine-trump.html",
    "Daily Mail", "Musk tells Don Lemon he has a ketamine prescription (18 March 2024)")
MUSK_WEGOVY_INSIDER = Report(
    "https://www.insider.com/elon-musk-weight-loss-drug-wegovy-semaglutide-fit-ripped-healthy-2022-10",
    "Insider", "Musk credits fasting and Wegovy for his weight loss (October 2022)")
MUSK_WEGOVY_DNA = Report(
    "https://www.dnaindia.com/lifestyle/report-elon-musk-loses-136-kg-after-twitter-takeover-reveal-formula-behind-weight-loss-journey-intermittent-fasting-3003061",
    "DNA India", "Musk says he is down 30 lbs, crediting fasting and Ozempic/Wegovy (17 November 2022)")
PERRY_LBC = Report(
    "https://www.lbc.co.uk/news/friends-star-matthew-perry-death-ruled-accidental-acute-effects-ketamine/",
    "LBC", "Matthew Perry's death ruled accidental, from the acute effects of ketamine (15 December 2023)")
PERRY_RNZ_BBC = Report(
    "https://amp.rnz.co.nz/article/28b9a994-67f3-402d-a9af-da4893ab74a7",
    "RNZ (report by the BBC)", "Matthew Perry's death an accident caused by ketamine, medical examiner says (16 December 2023)")
HARRY_YAHOO = Report(
    "https://ca.sports.yahoo.com/news/prince-harry-used-psychedelics-deal-044258289.html",
    "Yahoo", "Prince Harry tells 60 Minutes he used psychedelics to deal with grief (January 2023)")
HARRY_CBS = Report(
    "https://www.cbsnews.com/news/prince-harry-60-minutes-interview-biggest-moments-2023-01-09/",
    "CBS News", "Highlights from Prince Harry's 60 Minutes interview with Anderson Cooper (9 January 2023)")
RODGERS_AYAHUASCA_USATODAY = Report(
    "https://ftw.usatoday.com/lists/packers-aaron-rodgers-ayahuasca-nfl-mvps-what-is",
    "USA Today (For The Win)", "Aaron Rodgers on ayahuasca and his MVP seasons, on the Aubrey Marcus podcast (2022)")
RODGERS_IVERMECTIN_SI = Report(
    "https://www.si.com/nfl/packers/news/packers-qb-aaron-rodgers-tries-to-set-record-straight-after-testing-positive-for-covid",
    "Sports Illustrated", "Rodgers on The Pat McAfee Show after testing positive for COVID-19 (5 November 2021)")
RODGERS_IVERMECTIN_WAPO = Report(
    "https://www.washingtonpost.com/outlook/2021/11/08/how-not-do-outside-research/",
    "The Washington Post", "Opinion on Rodgers's interview, in which he said he was taking ivermectin (8 November 2021)")
ROGAN_IVERMECTIN_BI = Report(
    "https://markets.businessinsider.com/news/stocks/joe-rogan-experience-ivermectin-spotify-covid19-treatment-19-2021-9",
    "Business Insider", "Joe Rogan says he took ivermectin among other drugs after his COVID-19 diagnosis (September 2021)")
ROGAN_IVERMECTIN_THEWEEK = Report(
    "https://www.theweek.in/news/health/2021/09/03/as-joe-rogan-takes-ivermectin-to-treat-covid-19-infodemic-worsens.html",
    "The Week", "Rogan's Instagram video listing his COVID-19 treatments, including an NAD drip (3 September 2021)")
OPRAH_DAILYBEAST = Report(
    "https://www.thedailybeast.com/oprah-reveals-shes-using-a-weight-loss-medand-could-care-less-about-the-haters",
    "The Daily Beast", "Oprah Winfrey tells People she uses a weight-loss medication (13 December 2023)")
OPRAH_IHEART = Report(
    "https://www.iheart.com/content/2023-12-13-oprah-winfrey-addresses-weight-loss-medication-rumors/",
    "iHeart", "Oprah Winfrey addresses weight-loss medication rumours (13 December 2023)")
TYSON_INDEPENDENT = Report(
    "https://www.independent.co.uk/news/world/americas/mike-tyson-magic-mushrooms-psychedelics-b1856183.html",
    "The Independent", "Mike Tyson tells Reuters magic mushrooms changed his life (28 May 2021)")
STEWART_YAHOO_FINANCE = Report(
    "https://ca.finance.yahoo.com/news/martha-stewart-canopy-aim-to-conquer-cluttered-and-confusing-cbd-market-155910044.html",
    "Yahoo Finance", "Martha Stewart and Canopy Growth launch her CBD line (2020)")
STEWART_WEEDMAPS_AP = Report(
    "https://weedmaps.com/news/2019/02/its-a-good-thing-martha-stewart-teams-with-cannabis-giant/",
    "Weedmaps (Associated Press)", "Martha Stewart teams up with Canopy Growth on CBD products (February 2019)")
TRUMP_HCQ_GUARDIAN = Report(
    "https://www.theguardian.com/us-news/video/2020/may/18/coronavirus-trump-claims-he-takes-hydroxychloroquine-despite-fda-warnings-video",
    "The Guardian", "Trump says he takes hydroxychloroquine despite FDA warnings (18 May 2020)")
TRUMP_HCQ_NBC = Report(
    "https://www.nbcnews.com/video/watch-trump-say-he-is-taking-hydroxychloroquine-to-prevent-coronavirus-83610693717",
    "NBC News", "Trump says he has been taking hydroxychloroquine for about a week and a half (18 May 2020)")
SMITH_DAILYMAIL = Report(
    "https://www.dailymail.co.uk/tvshowbiz/article-10170983/Will-Smith-says-took-psychedelic-drug-ayahuasca-12-times-retreat.html",
    "Daily Mail", "Will Smith tells Oprah Winfrey he took ayahuasca more than 12 times on a retreat (5 November 2021)")
SMITH_HIGHTIMES = Report(
    "https://hightimes.com/news/will-smith-recalls-life-changing-psychedelic-experiences-in-new-book/",
    "High Times", "Will Smith's memoir describes ayahuasca experiences in Peru (2021)")
SCHUMER_YAHOO = Report(
    "https://www.yahoo.com/lifestyle/amy-schumer-slams-other-celebs-051500472.html",
    "Yahoo", "Amy Schumer on Watch What Happens Live: she tried Ozempic and stopped (June 2023)")
HANDLER_FOXNEWS = Report(
    "https://www.foxnews.com/entertainment/chelsea-handler-didnt-know-on-ozempic",
    "Fox News", "Chelsea Handler says she didn't know she was on Ozempic (25 January 2023)")
HANDLER_YAHOO = Report(
    "https://uk.style.yahoo.com/chelsea-handler-didnt-know-she-221154531.html",
    "Yahoo", "Chelsea Handler on the Call Her Daddy podcast: she tried it and will not take it any more (January 2023)")
STALLONE_GUARDIAN = Report(
    "https://www.theguardian.com/world/2007/may/21/australia.film",
    "The Guardian", "Stallone convicted of importing growth hormone into Australia (21 May 2007)")
STALLONE_REUTERS = Report(
    "https://www.reuters.com/article/us-stallone-idUSSP13553620070521",
    "Reuters", "Stallone fined for importing hormones to Australia (21 May 2007)")
