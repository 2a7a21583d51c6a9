"""Crawler: fetch, archive and extract articles with Scrapy."""
