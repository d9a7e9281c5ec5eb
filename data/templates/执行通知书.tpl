{{! 执行通知书 — 民事诉讼法 执行通知, 报告财产, 迟延履行 articles in force on the issue date. }}{{court_name}}
执行通知书
{{case_number}}
{{#defendants}}{{name}}：
{{/defendants}}　　{{plaintiff_names}}与你（单位）{{cause_name}}一案，{{basis_case_number}}法律文书已经发生法律效力。申请执行人{{plaintiff_names}}于{{filed_date}}向本院申请强制执行，本院依法立案执行。依照《中华人民共和国民事诉讼法》第{{cpl_execution_notice_article}}条、第{{cpl_property_report_article}}条、第{{cpl_late_interest_article}}条的规定，责令你（单位）自收到本通知之日起立即履行下列义务：
　　一、履行生效法律文书确定的义务，申请执行标的为人民币{{applied_amount}}元；
　　二、加倍支付迟延履行期间的债务利息或者支付迟延履行金；
　　三、负担本案申请执行费及执行中实际支出的费用。
　　同时，应当如实向本院报告当前以及收到执行通知之日前一年的财产情况。拒绝报告或者虚假报告的，本院将根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任。逾期不履行的，本院将依法强制执行，并可将你（单位）纳入失信被执行人名单、限制消费。
　　特此通知。
{{court_name}}
{{issue_date}}
（院印）
