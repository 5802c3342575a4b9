from django.http import HttpResponse


def home(request):
    return HttpResponse("archive")


def group_list(request):
    return HttpResponse("list")


def group_detail(request, slug):
    return HttpResponse(slug)
